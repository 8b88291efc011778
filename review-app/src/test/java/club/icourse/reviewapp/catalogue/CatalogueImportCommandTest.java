package club.icourse.reviewapp.catalogue;

import static club.icourse.db.review.Tables.COURSE;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppApplication;
import club.icourse.reviewapp.ReviewTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The import command: the app started with --icourse.catalogue.import, as an operator
 * runs the jar.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatalogueImportCommandTest {

	@TempDir
	Path files;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void importsTheFileLogsWhatChangedAndExitsWithoutServing(CapturedOutput output) throws Exception {
		Path file = files.resolve("catalogue.json");
		Files.writeString(file,
				"""
						{"teachers": [{"key": "cmd-%1$s", "name": "查良"}],
						 "courses": [{"name": "计算机网络%1$s", "teachers": ["cmd-%1$s"], "terms": [{"term": "2025-autumn", "code": "CS3001"}]}]}"""
					.formatted(run),
				StandardCharsets.UTF_8);

		try (ConfigurableApplicationContext context = command(file)) {
			assertThat(context).as("no web server").isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getBean(DSLContext.class).fetchCount(COURSE, COURSE.NAME.eq("计算机网络" + run)))
				.isEqualTo(1);
			assertThat(SpringApplication.exit(context)).isZero();
		}
		assertThat(output).contains("Imported the catalogue file", "courses: 1 added, 0 updated, 0 unchanged");
	}

	@Test
	void refusesABadFileWithEveryProblemAndANonZeroStatus(CapturedOutput output) throws Exception {
		Path file = files.resolve("bad.json");
		Files.writeString(file,
				"{\"courses\": [{\"name\": \"\", \"terms\": [{\"term\": \"2025-spring\", \"code\": \"X\", \"hours\": -3}]}]}");

		try (ConfigurableApplicationContext context = command(file)) {
			assertThat(SpringApplication.exit(context)).isEqualTo(CatalogueImportCommand.REFUSED);
		}
		assertThat(output).contains("Refused the catalogue file", "2 problem(s)",
				"courses[0] / name: Required, but missing or blank.",
				"courses[0].terms[0] (2025-spring) / hours: Expected a whole number from 0 to 10,000.");

		try (ConfigurableApplicationContext context = command(files.resolve("missing.json"))) {
			assertThat(SpringApplication.exit(context)).isEqualTo(CatalogueImportCommand.UNREADABLE);
		}
	}

	private static ConfigurableApplicationContext command(Path file) {
		return new SpringApplicationBuilder(ReviewAppApplication.class).initializers(new ReviewTestInfrastructure())
			.run("--icourse.catalogue.import=" + file);
	}

}
