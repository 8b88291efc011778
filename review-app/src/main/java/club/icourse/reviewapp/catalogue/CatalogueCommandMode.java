package club.icourse.reviewapp.catalogue;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Started as the import command, the app runs without its web server: it must not take
 * the port of a running site, nor serve while it imports.
 */
class CatalogueCommandMode implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(CatalogueImportCommand.PROPERTY)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("icourse-catalogue-command",
						Map.of("spring.main.web-application-type", "none")));
		}
	}

}
