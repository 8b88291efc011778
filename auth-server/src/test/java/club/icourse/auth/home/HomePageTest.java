package club.icourse.auth.home;

import club.icourse.auth.AuthServerTest;
import club.icourse.testsupport.web.HomePageChecks;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
class HomePageTest extends HomePageChecks {

	@LocalServerPort
	int port;

	HomePageTest() {
		super("iCourse 统一身份", "iCourse ID");
	}

	@Override
	protected int port() {
		return port;
	}

}
