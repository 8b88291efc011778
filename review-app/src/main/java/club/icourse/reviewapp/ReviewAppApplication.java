package club.icourse.reviewapp;

import java.time.ZoneOffset;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The course-review platform. */
@SpringBootApplication
public class ReviewAppApplication {

	public static void main(String[] args) {
		// Times are stored as UTC: jOOQ code writes UTC, and the JDBC driver converts
		// instants with the JVM's zone.
		TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
		ConfigurableApplicationContext context = SpringApplication.run(ReviewAppApplication.class, args);
		if (context.getEnvironment().containsProperty("icourse.catalogue.import")) {
			// The import command (see docs/catalogue-format.md) has done its work: exit
			// with its status.
			System.exit(SpringApplication.exit(context));
		}
	}

}
