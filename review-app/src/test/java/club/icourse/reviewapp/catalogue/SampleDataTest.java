package club.icourse.reviewapp.catalogue;

import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.course.CourseFigures;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReviewAppTest
class SampleDataTest {

	@Autowired
	SampleData sample;

	@Autowired
	DSLContext dsl;

	@Test
	void theSampleCatalogueAndDemoReviewsLoadOnceWithExactFigures() {
		sample.loadCatalogue();
		assertThat(sample.loadCatalogue().changedNothing()).as("loading again changes nothing").isTrue();

		Condition sampleTeacher = TEACHER.IMPORT_KEY.like("ustc-t%");
		assertThat(dsl.fetchCount(DEPARTMENT, DEPARTMENT.CODE.in("001", "010", "021"))).isEqualTo(3);
		assertThat(dsl.fetchCount(TEACHER, sampleTeacher)).isEqualTo(309);
		Condition sampleCourse = REVIEW.COURSE_ID.in(select(COURSE_TEACHER.COURSE_ID).from(COURSE_TEACHER)
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.where(sampleTeacher));
		assertThat(dsl.select(countDistinct(COURSE_TEACHER.COURSE_ID))
			.from(COURSE_TEACHER)
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.where(sampleTeacher)
			.fetchSingle()
			.value1()).isEqualTo(427);

		sample.loadDemoReviews();
		assertThat(sample.loadDemoReviews()).as("written once").isZero();
		Condition byDemoPeople = REVIEW.AUTHOR_ID
			.in(select(PERSON.ID).from(PERSON).where(PERSON.ISSUER.eq(SampleData.DEMO_ISSUER)));
		assertThat(dsl.fetchCount(REVIEW, byDemoPeople)).isEqualTo(DemoReviews.REVIEWS);
		assertThat(dsl.fetchCount(PERSON, PERSON.ISSUER.eq(SampleData.DEMO_ISSUER)))
			.isEqualTo(DemoReviews.people().size());
		assertThat(dsl.fetchCount(REVIEW, byDemoPeople.and(REVIEW.ANONYMOUS.isTrue()))).isPositive();
		assertThat(dsl.fetchCount(REVIEW, byDemoPeople.and(REVIEW.BLOCKED.isTrue()))).isPositive();
		assertThat(dsl.fetchCount(REVIEW, byDemoPeople.and(REVIEW.RATING.isNull()))).as("text-only reviews")
			.isPositive();
		assertThat(dsl.fetchCount(REVIEW, byDemoPeople.and(REVIEW.CONTENT.like("%数分%")))).isPositive();

		int counted = dsl.fetchCount(REVIEW, sampleCourse.and(CourseFigures.COUNTED));
		var figures = dsl.select(sum(COURSE_STATS.REVIEW_COUNT))
			.from(COURSE_STATS)
			.where(COURSE_STATS.COURSE_ID.in(select(REVIEW.COURSE_ID).from(REVIEW).where(sampleCourse)))
			.fetchSingle()
			.value1();
		assertThat(figures.intValue()).as("course figures count every visible review").isEqualTo(counted);
	}

}
