package club.icourse.reviewapp.home;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.testsupport.web.HomePageChecks;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReviewAppTest
class HomePageTest extends HomePageChecks {

	@LocalServerPort
	int port;

	HomePageTest() {
		super("iCourse 课程评价", "iCourse course reviews");
	}

	@Override
	protected int port() {
		return port;
	}

}
