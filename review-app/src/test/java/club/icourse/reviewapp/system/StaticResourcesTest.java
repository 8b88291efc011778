package club.icourse.reviewapp.system;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.testsupport.web.StaticResourceChecks;

@ReviewAppTest
class StaticResourcesTest extends StaticResourceChecks {

	StaticResourcesTest() {
		super("/", "/courses", "/js/search-suggestions-[0-9a-f]{32}\\.js");
	}

}
