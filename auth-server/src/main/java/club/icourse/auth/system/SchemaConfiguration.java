package club.icourse.auth.system;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code DB_MIGRATE=validate} the app does not migrate its schema, it only refuses
 * to start when the database does not match its migrations: a separate job migrates
 * before the instances start (docker/compose.yaml).
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

	@Bean
	@ConditionalOnProperty(name = "icourse.schema.mode", havingValue = "validate")
	FlywayMigrationStrategy validateOnly() {
		return Flyway::validate;
	}

}
