package club.icourse.reviewapp.home;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.testsupport.web.HomePageChecks;

@ReviewAppTest
class HomePageTest extends HomePageChecks {

	HomePageTest() {
		super("iCourse 课程评价", "iCourse course reviews");
	}

}
