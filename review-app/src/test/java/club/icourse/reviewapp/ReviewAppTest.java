package club.icourse.reviewapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole review-app on a random port, on this run's real MariaDB database and
 * GreenMail server. Every test class with it shares one application context and one
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// SQL statements tallied per request, for PageSqlBudgetTest.
		properties = { "icourse.id.client-secret=test-secret", "icourse.sql-count.enabled=true" })
@ContextConfiguration(initializers = ReviewTestInfrastructure.class)
public @interface ReviewAppTest {

}
