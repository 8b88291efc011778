package club.icourse.auth.system;

import club.icourse.auth.AuthServerTest;
import club.icourse.testsupport.web.StaticResourceChecks;

@AuthServerTest
class StaticResourcesTest extends StaticResourceChecks {

	StaticResourcesTest() {
		super("/login", "/register");
	}

}
