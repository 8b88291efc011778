package club.icourse.auth.system;

import static club.icourse.db.auth.Tables.SPRING_SESSION;

import club.icourse.auth.AuthServerTest;
import club.icourse.testsupport.web.HealthChecks;

@AuthServerTest
class HealthTest extends HealthChecks {

	HealthTest() {
		super("icourse_test_auth_", SPRING_SESSION);
	}

}
