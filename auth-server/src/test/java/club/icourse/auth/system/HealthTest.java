package club.icourse.auth.system;

import static club.icourse.db.auth.Tables.SPRING_SESSION;

import club.icourse.auth.AuthServerTest;
import club.icourse.testsupport.web.HealthChecks;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
class HealthTest extends HealthChecks {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	HealthTest() {
		super("icourse_test_auth_");
	}

	@Override
	protected int port() {
		return port;
	}

	@Override
	protected DSLContext dsl() {
		return dsl;
	}

	@Override
	protected Table<?> generatedTable() {
		return SPRING_SESSION;
	}

}
