package club.icourse.reviewapp.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar review-app.jar --icourse.catalogue.import=/path/catalogue.json} (or
 * the environment variable {@code ICOURSE_CATALOGUE_IMPORT}): imports the file at
 * start-up, logs what changed or every problem, and exits without serving
 * ({@link CatalogueCommandMode}) with status 0 (imported), 1 (refused: nothing changed)
 * or 2 (the file could not be read).
 */
@Component
@ConditionalOnProperty(CatalogueImportCommand.PROPERTY)
class CatalogueImportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String PROPERTY = "icourse.catalogue.import";
	static final int REFUSED = 1;
	static final int UNREADABLE = 2;

	private static final Logger log = LoggerFactory.getLogger(CatalogueImportCommand.class);

	private final CatalogueImport catalogue;

	private final MessageSource messages;

	private final Path file;

	private int exitCode;

	CatalogueImportCommand(CatalogueImport catalogue, MessageSource messages, Environment environment) {
		this.catalogue = catalogue;
		this.messages = messages;
		this.file = Path.of(environment.getRequiredProperty(PROPERTY));
	}

	@Override
	public void run(ApplicationArguments arguments) {
		byte[] json;
		try {
			json = Files.readAllBytes(file);
		}
		catch (IOException e) {
			log.error("Cannot read the catalogue file {}: {}", file, e.toString());
			exitCode = UNREADABLE;
			return;
		}
		try {
			ImportSummary summary = catalogue.load(json);
			log.info("Imported the catalogue file {}: {}", file, summary);
		}
		catch (CatalogueRefusedException e) {
			log.error("Refused the catalogue file {}, nothing was changed: {} problem(s)", file, e.problems().size());
			e.problems()
				.forEach(problem -> log.error("  {}{}: {}", problem.entry(),
						problem.field().isEmpty() ? "" : " / " + problem.field(),
						messages.getMessage(problem.messageKey(), problem.arguments().toArray(), Locale.ENGLISH)));
			exitCode = REFUSED;
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
