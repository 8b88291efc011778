package club.icourse.reviewapp.system;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JooqSettings {

	/**
	 * jOOQ's MULTISET emulation on MariaDB otherwise raises group_concat_max_len in extra
	 * statements around each query, which the driver refuses without allowMultiQueries;
	 * MariaDB's default (1 MB) is plenty for the short lists nested here.
	 */
	@Bean
	DefaultConfigurationCustomizer singleStatementMultisets() {
		return configuration -> configuration.settings().setRenderGroupConcatMaxLenSessionVariable(false);
	}

}
