package club.icourse.reviewapp.system;

import static club.icourse.db.review.Tables.SPRING_SESSION;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.testsupport.web.HealthChecks;

@ReviewAppTest
class HealthTest extends HealthChecks {

	HealthTest() {
		super("icourse_test_review_", SPRING_SESSION);
	}

}
