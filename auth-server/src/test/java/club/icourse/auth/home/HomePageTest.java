package club.icourse.auth.home;

import club.icourse.auth.AuthServerTest;
import club.icourse.testsupport.web.HomePageChecks;

@AuthServerTest
class HomePageTest extends HomePageChecks {

	HomePageTest() {
		super("iCourse 统一身份", "iCourse ID");
	}

}
