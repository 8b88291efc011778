package club.icourse.reviewapp.review;

import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.db.review.tables.records.CourseStatsRecord;
import club.icourse.db.review.tables.records.ReviewRecord;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.course.CourseFigures;
import club.icourse.reviewapp.people.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReviewAppTest
class ReviewsTest {

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewHistory history;

	@Autowired
	CourseFigures figures;

	@Autowired
	DSLContext dsl;

	private TestCatalogue catalogue;

	@BeforeEach
	void catalogue() {
		catalogue = new TestCatalogue(dsl);
	}

	@Test
	void eachReaderSeesExactlyWhatThePrivacyRulesAllow() {
		long course = catalogue.course("隐私测试课", "2025-spring");
		Person author = catalogue.student();
		Person student = catalogue.student();
		Person teacher = catalogue.teacher();
		Person admin = catalogue.admin();

		long plain = write(author, course, false, false);
		Person other = catalogue.student();
		long studentsOnly = write(other, course, false, true);
		Person third = catalogue.student();
		long hidden = write(third, course, false, false);
		reviews.hide(third, hidden, true);
		Person fourth = catalogue.student();
		long blocked = write(fourth, course, false, false);
		reviews.block(admin, blocked, true, "spam");

		assertThat(readable(Optional.empty(), course)).containsExactlyInAnyOrder(plain);
		assertThat(readable(Optional.of(student), course)).containsExactlyInAnyOrder(plain, studentsOnly);
		assertThat(readable(Optional.of(teacher), course)).containsExactlyInAnyOrder(plain);
		assertThat(readable(Optional.of(admin), course)).as("an admin who is a teacher")
			.containsExactlyInAnyOrder(plain, blocked);
		assertThat(readable(Optional.of(third), course)).as("the author of the hidden one")
			.containsExactlyInAnyOrder(plain, studentsOnly, hidden);
		assertThat(readable(Optional.of(fourth), course)).as("the author of the blocked one")
			.containsExactlyInAnyOrder(plain, studentsOnly, blocked);
		assertThat(readable(Optional.of(other), course)).containsExactlyInAnyOrder(plain, studentsOnly);

		for (Optional<Person> viewer : List.of(Optional.<Person>empty(), Optional.of(student), Optional.of(teacher),
				Optional.of(admin), Optional.of(third), Optional.of(fourth), Optional.of(other))) {
			for (long id : List.of(plain, studentsOnly, hidden, blocked)) {
				ReviewRecord review = dsl.selectFrom(REVIEW).where(REVIEW.ID.eq(id)).fetchSingle();
				assertThat(Visibility.canRead(viewer, ReviewSnapshot.of(review)))
					.as("the Java rule agrees with the query for " + id)
					.isEqualTo(readable(viewer, course).contains(id));
			}
		}

		long anonymous = write(catalogue.teacher(), course, true, false);
		ReviewRecord anon = dsl.selectFrom(REVIEW).where(REVIEW.ID.eq(anonymous)).fetchSingle();
		assertThat(anon.getAuthorAffiliation()).as("an anonymous teacher still says so").isEqualTo("teacher");
		assertThat(Visibility.authorShownTo(Optional.of(student), true, anon.getAuthorId())).isFalse();
		assertThat(Visibility.authorShownTo(Optional.of(admin), true, anon.getAuthorId())).isTrue();
		assertThat(Visibility.authorShownTo(Optional.empty(), false, anon.getAuthorId())).isTrue();
	}

	@Test
	void onePersonHasOneReviewPerCourseEvenWhenTwoSubmissionsRace() throws Exception {
		long course = catalogue.course("并发测试课", "2025-spring");
		Person author = catalogue.student();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Long>> submissions = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String text = "第 " + i + " 次提交";
				submissions.add(() -> reviews.write(author, draft(course, text, false, false)));
			}
			List<Long> ids = new ArrayList<>();
			for (Future<Long> result : pool.invokeAll(submissions)) {
				ids.add(result.get());
			}
			assertThat(ids).as("all were saved, into one review").containsOnly(ids.getFirst());
		}
		finally {
			pool.shutdown();
		}
		assertThat(dsl.fetchCount(REVIEW, REVIEW.COURSE_ID.eq(course))).isEqualTo(1);
		assertThat(stats(course).getReviewCount()).isEqualTo(1);
	}

	@Test
	void everyChangeIsInTheHistoryAndADeletedReviewCanBeRestored() {
		long course = catalogue.course("历史测试课", "2024-autumn", "2025-spring");
		Person author = catalogue.student();
		Person admin = catalogue.admin();
		long id = reviews.write(author, draft(course, "初稿", false, false));
		reviews.write(author, draft(course, "修改后", false, false));
		reviews.hide(author, id, true);
		reviews.hide(author, id, false);
		reviews.block(admin, id, true, "违规");
		reviews.block(admin, id, false, null);
		reviews.delete(author, id);

		assertThat(history.of(id)).extracting(ReviewHistory.Entry::action)
			.containsExactly(ReviewHistory.Action.CREATE, ReviewHistory.Action.UPDATE, ReviewHistory.Action.HIDE,
					ReviewHistory.Action.UNHIDE, ReviewHistory.Action.BLOCK, ReviewHistory.Action.UNBLOCK,
					ReviewHistory.Action.DELETE);
		assertThat(history.of(id).getFirst().snapshot().content()).isEqualTo("初稿");
		assertThat(stats(course).getDeletedCount()).isEqualTo(1);
		assertThat(stats(course).getReviewCount()).isZero();

		assertThatThrownBy(() -> reviews.restore(author, id)).as("only admins restore")
			.isInstanceOf(ReviewNotFoundException.class);
		long restored = reviews.restore(admin, id);
		assertThat(restored).isEqualTo(id);
		ReviewRecord back = dsl.selectFrom(REVIEW).where(REVIEW.ID.eq(id)).fetchSingle();
		assertThat(back.getContent()).isEqualTo("修改后");
		assertThat(back.getRating()).isEqualTo((byte) 8);
		assertThat(stats(course).getDeletedCount()).isZero();
		assertThat(stats(course).getReviewCount()).isEqualTo(1);

		reviews.delete(admin, id);
		reviews.write(author, draft(course, "新的评价", false, false));
		assertThatThrownBy(() -> reviews.restore(admin, id)).as("the author wrote another since")
			.isInstanceOf(ReviewRefusedException.class);
	}

	@Test
	void changingOnlyPrivacyDoesNotMoveTheUpdateTime() {
		long course = catalogue.course("时间测试课", "2025-spring");
		Person author = catalogue.student();
		long id = reviews.write(author, draft(course, "内容", false, false));
		var before = dsl.select(REVIEW.UPDATED_AT).from(REVIEW).where(REVIEW.ID.eq(id)).fetchSingle().value1();
		reviews.write(author, draft(course, "内容", true, true));
		assertThat(dsl.select(REVIEW.UPDATED_AT).from(REVIEW).where(REVIEW.ID.eq(id)).fetchSingle().value1())
			.isEqualTo(before);
		reviews.write(author, draft(course, "新内容", true, true));
		assertThat(dsl.select(REVIEW.UPDATED_AT).from(REVIEW).where(REVIEW.ID.eq(id)).fetchSingle().value1())
			.isAfter(before);
	}

	@Test
	void badReviewsAreRefusedAndNothingIsStored() {
		long course = catalogue.course("校验测试课", "2025-spring");
		Person author = catalogue.student();
		assertThatThrownBy(() -> reviews.write(author,
				new ReviewDraft(course, "2025-spring", 8, 2, null, 2, 2, "x", false, false)))
			.isInstanceOf(ReviewRefusedException.class)
			.extracting(e -> ((ReviewRefusedException) e).problems())
			.asList()
			.extracting("code")
			.containsExactly("ratings-partial");
		assertThatThrownBy(() -> reviews.write(author,
				new ReviewDraft(course, "2019-spring", 11, 2, 2, 2, 4, "\u200B ", false, false)))
			.isInstanceOf(ReviewRefusedException.class)
			.extracting(e -> ((ReviewRefusedException) e).problems())
			.asList()
			.extracting("code")
			.containsExactlyInAnyOrder("content-empty", "term", "rating-range", "level-range");
		assertThatThrownBy(() -> reviews.write(author, draft(-5, "x", false, false)))
			.isInstanceOf(ReviewNotFoundException.class);
		assertThat(dsl.fetchCount(REVIEW, REVIEW.COURSE_ID.eq(course))).isZero();

		long textOnly = reviews.write(author,
				new ReviewDraft(course, "2025-spring", null, null, null, null, null, "只有文字", false, false));
		assertThat(dsl.selectFrom(REVIEW).where(REVIEW.ID.eq(textOnly)).fetchSingle().getRating()).isNull();
		assertThat(stats(course).getReviewCount()).isEqualTo(1);
		assertThat(stats(course).getRatedCount()).isZero();
	}

	@Test
	void theFiguresEqualAFullRecomputationAfterAnyMixOfChanges() {
		long[] courses = { catalogue.course("随机甲", "2025-spring"), catalogue.course("随机乙", "2025-spring") };
		List<Person> people = List.of(catalogue.student(), catalogue.student(), catalogue.teacher(),
				catalogue.student());
		Person admin = catalogue.admin();
		Random random = new Random(42);
		for (int step = 0; step < 60; step++) {
			long course = courses[random.nextInt(courses.length)];
			Person person = people.get(random.nextInt(people.size()));
			Optional<ReviewSnapshot> existing = reviews.ownReview(course, person);
			switch (random.nextInt(5)) {
				case 0, 1 -> reviews.write(person,
						random.nextBoolean()
								? new ReviewDraft(course, "2025-spring", 1 + random.nextInt(10), 1 + random.nextInt(3),
										1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(3),
										"评价 " + step, false, random.nextBoolean())
								: new ReviewDraft(course, "2025-spring", null, null, null, null, null, "文字 " + step,
										false, false));
				case 2 -> existing.ifPresent(review -> reviews.hide(person, review.id(), random.nextBoolean()));
				case 3 -> existing.ifPresent(review -> reviews.block(admin, review.id(), random.nextBoolean(), "原因"));
				default -> existing.ifPresent(review -> reviews.delete(person, review.id()));
			}
		}
		for (long course : courses) {
			List<ReviewRecord> counted = dsl.selectFrom(REVIEW)
				.where(REVIEW.COURSE_ID.eq(course))
				.and(REVIEW.HIDDEN.isFalse())
				.and(REVIEW.BLOCKED.isFalse())
				.fetch();
			List<ReviewRecord> rated = counted.stream().filter(review -> review.getRating() != null).toList();
			CourseStatsRecord stats = stats(course);
			assertThat(stats.getReviewCount()).isEqualTo(counted.size());
			assertThat(stats.getRatedCount()).isEqualTo(rated.size());
			assertThat(stats.getRatingSum()).isEqualTo(rated.stream().mapToInt(ReviewRecord::getRating).sum());
			assertThat(stats.getDifficultySum()).isEqualTo(rated.stream().mapToInt(ReviewRecord::getDifficulty).sum());
			assertThat(stats.getGainSum()).isEqualTo(rated.stream().mapToInt(ReviewRecord::getGain).sum());
			assertThat(stats.getBlockedCount())
				.isEqualTo(dsl.fetchCount(REVIEW, REVIEW.COURSE_ID.eq(course).and(REVIEW.BLOCKED.isTrue())));
		}
	}

	@Test
	void theNormalizedRatingRanksAKnownDataset() {
		// Course A: one 10. Course B: twenty 9s. Course C: ten 4s. Course D: nothing.
		long a = catalogue.course("归一甲", "2025-spring");
		long b = catalogue.course("归一乙", "2025-spring");
		long c = catalogue.course("归一丙", "2025-spring");
		long d = catalogue.course("归一丁", "2025-spring");
		reviews.write(catalogue.student(), rated(a, 10));
		for (int i = 0; i < 20; i++) {
			reviews.write(catalogue.student(), rated(b, 9));
		}
		for (int i = 0; i < 10; i++) {
			reviews.write(catalogue.student(), rated(c, 4));
		}
		figures.refreshSiteFigures();
		// sum / count rather than AVG(), which MariaDB rounds to four decimals.
		double averageRating = dsl.select(DSL.sum(REVIEW.RATING))
			.from(REVIEW)
			.where(CourseFigures.COUNTED)
			.and(REVIEW.RATING.isNotNull())
			.fetchSingle()
			.value1()
			.doubleValue() / dsl.fetchCount(REVIEW, CourseFigures.COUNTED.and(REVIEW.RATING.isNotNull()));
		double perCourse = (double) dsl.fetchCount(REVIEW, CourseFigures.COUNTED.and(REVIEW.RATING.isNotNull()))
				/ dsl.fetchCount(dsl.selectDistinct(REVIEW.COURSE_ID)
					.from(REVIEW)
					.where(CourseFigures.COUNTED)
					.and(REVIEW.RATING.isNotNull()));
		assertThat(stats(a).getNormalizedRating()).isCloseTo((10 + averageRating * perCourse) / (1 + perCourse),
				Offset.offset(1e-9));
		assertThat(stats(b).getNormalizedRating()).isGreaterThan(stats(a).getNormalizedRating())
			.as("many 9s beat a single 10");
		assertThat(stats(a).getNormalizedRating()).isGreaterThan(stats(c).getNormalizedRating());
		assertThat(stats(d).getNormalizedRating()).isZero();
	}

	private ReviewDraft rated(long course, int rating) {
		return new ReviewDraft(course, "2025-spring", rating, 2, 2, 2, 2, "评分 " + rating, false, false);
	}

	private long write(Person author, long course, boolean anonymous, boolean studentsOnly) {
		return reviews.write(author, draft(course, "一门课的评价", anonymous, studentsOnly));
	}

	private static ReviewDraft draft(long course, String content, boolean anonymous, boolean studentsOnly) {
		return new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 3, content, anonymous, studentsOnly);
	}

	private List<Long> readable(Optional<Person> viewer, long course) {
		return dsl.select(REVIEW.ID)
			.from(REVIEW)
			.where(REVIEW.COURSE_ID.eq(course))
			.and(Visibility.readableBy(viewer))
			.fetch(REVIEW.ID);
	}

	private CourseStatsRecord stats(long course) {
		return dsl.selectFrom(COURSE_STATS).where(COURSE_STATS.COURSE_ID.eq(course)).fetchSingle();
	}

}
