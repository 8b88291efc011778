package club.icourse.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static assets at content-hashed addresses ({@code /css/site-<md5>.css}, which every
 * {@code @{...}} link to them becomes), cached for a year by browsers and the balancer: a
 * changed file gets a new address.
 * <p>
 * Only the folders below are resource handlers, in place of Spring Boot's catch-all
 * {@code /**} ({@code spring.web.resources.add-mappings: false}): with the catch-all,
 * every link a page builds (to a course, a person, a review) was looked up on the class
 * path, and misses are not cached, which was three quarters of a page's CPU. A new
 * top-level folder under {@code static/} must be added here (StaticResourcesTest fails
 * until it is).
 */
public class StaticResources implements WebMvcConfigurer {

	public static final String[] FOLDERS = { "css", "img", "js" };

	private static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		hashed(registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/"))
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : FOLDERS) {
			hashed(registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/"));
		}
	}

	private static ResourceChainRegistration hashed(ResourceHandlerRegistration registration) {
		return registration.setCacheControl(FOR_A_YEAR)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
