package club.icourse.reviewapp.system;

import static club.icourse.db.review.Tables.SPRING_SESSION;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.testsupport.web.HealthChecks;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReviewAppTest
class HealthTest extends HealthChecks {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	HealthTest() {
		super("icourse_test_review_");
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
