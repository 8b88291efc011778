package club.icourse.testsupport.spring;

import club.icourse.testsupport.mail.TestMailServer;
import club.icourse.testsupport.mariadb.MariaDbServer;
import club.icourse.testsupport.mariadb.TestDatabases;
import club.icourse.testsupport.mariadb.TestMariaDb;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application under test at this run's real database and real SMTP server. Each
 * app subclasses it once, naming the database it owns; the app's own Flyway migrations
 * then run on it.
 */
public abstract class RealInfrastructureInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final String databaseOwner;

	protected RealInfrastructureInitializer(String databaseOwner) {
		this.databaseOwner = databaseOwner;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		MariaDbServer server = TestMariaDb.server();
		TestMailServer mail = TestMailServer.shared();
		Map<String, Object> properties = Map.of("spring.datasource.url",
				server.jdbcUrl(TestDatabases.databaseFor(databaseOwner)), "spring.datasource.username", server.user(),
				"spring.datasource.password", server.password(), "spring.mail.host", mail.host(), "spring.mail.port",
				mail.port(), "spring.mail.username", "", "spring.mail.password", "");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("icourse-test-infrastructure", properties));
	}

}
