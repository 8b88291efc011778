package club.icourse.reviewapp.people;

import static club.icourse.db.review.Tables.COURSE_FOLLOW;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TAKEN;
import static club.icourse.db.review.Tables.COURSE_VOTE;
import static club.icourse.db.review.Tables.MAIL_OUTBOX;
import static club.icourse.db.review.Tables.NOTIFICATION;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.PERSON_AVATAR;
import static club.icourse.db.review.Tables.PERSON_FOLLOW;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;
import static club.icourse.db.review.Tables.SEARCH_QUERY_LOG;
import static club.icourse.db.review.Tables.SIGN_IN;

import club.icourse.db.review.tables.records.PersonRecord;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is left of a person when iCourse ID says their account was deleted
 * (docs/account-deletion.md): their reviews and comments stay, shown as by a deleted
 * user; their profile, avatar, follows (both ways), notifications, votes, upvotes and
 * sign-ins go, and the counts those fed are corrected. The row itself stays under a
 * placeholder name, so that (issuer, subject) is never matched to anyone else.
 */
@Service
public class PersonDeletion {

	static final String PLACEHOLDER_PREFIX = "deleted-";

	private final DSLContext dsl;

	private final Clock clock;

	PersonDeletion(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/**
	 * Deletes what the site keeps of the person; returns whether there was anyone to
	 * delete (a repeated notice finds nobody and changes nothing).
	 */
	@Transactional
	public boolean delete(String issuer, String subject) {
		PersonRecord person = dsl.selectFrom(PERSON)
			.where(PERSON.ISSUER.eq(issuer))
			.and(PERSON.SUBJECT.eq(subject))
			.and(PERSON.DELETED_AT.isNull())
			.forUpdate()
			.fetchOne();
		if (person == null) {
			return false;
		}
		long id = person.getId();
		dsl.deleteFrom(PERSON_AVATAR).where(PERSON_AVATAR.PERSON_ID.eq(id)).execute();
		dropCourseFollows(id);
		dsl.deleteFrom(PERSON_FOLLOW)
			.where(PERSON_FOLLOW.FOLLOWER_ID.eq(id).or(PERSON_FOLLOW.FOLLOWEE_ID.eq(id)))
			.execute();
		dsl.deleteFrom(NOTIFICATION).where(NOTIFICATION.RECIPIENT_ID.eq(id).or(NOTIFICATION.ACTOR_ID.eq(id))).execute();
		dropUpvotes(id);
		dropCourseVotes(id);
		dsl.deleteFrom(SIGN_IN).where(SIGN_IN.PERSON_ID.eq(id)).execute();
		dsl.deleteFrom(COURSE_TAKEN).where(COURSE_TAKEN.PERSON_ID.eq(id)).execute();
		dsl.update(SEARCH_QUERY_LOG)
			.setNull(SEARCH_QUERY_LOG.PERSON_ID)
			.where(SEARCH_QUERY_LOG.PERSON_ID.eq(id))
			.execute();
		if (person.getEmail() != null) {
			dsl.deleteFrom(MAIL_OUTBOX)
				.where(MAIL_OUTBOX.RECIPIENT.eq(person.getEmail()))
				.and(MAIL_OUTBOX.SENT_AT.isNull())
				.execute();
		}
		dsl.update(PERSON)
			.set(PERSON.USERNAME, PLACEHOLDER_PREFIX + id)
			.setNull(PERSON.SCHOOL)
			.setNull(PERSON.AFFILIATION)
			.set(PERSON.LOCAL_ADMIN, false)
			.setNull(PERSON.EMAIL)
			.setNull(PERSON.DESCRIPTION)
			.setNull(PERSON.HOMEPAGE)
			.setNull(PERSON.FEED_TOKEN)
			.setNull(PERSON.TEACHER_ID)
			.set(PERSON.HIDE_FOLLOWS, true)
			.set(PERSON.HIDE_PROFILE, true)
			.set(PERSON.AVATAR_VERSION, PERSON.AVATAR_VERSION.plus(1))
			.set(PERSON.DELETED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.where(PERSON.ID.eq(id))
			.execute();
		return true;
	}

	private void dropCourseFollows(long id) {
		List<Long> courses = dsl.select(COURSE_FOLLOW.COURSE_ID)
			.from(COURSE_FOLLOW)
			.where(COURSE_FOLLOW.PERSON_ID.eq(id))
			.fetch(COURSE_FOLLOW.COURSE_ID);
		if (!courses.isEmpty()) {
			dsl.deleteFrom(COURSE_FOLLOW).where(COURSE_FOLLOW.PERSON_ID.eq(id)).execute();
			dsl.update(COURSE_STATS)
				.set(COURSE_STATS.FOLLOW_COUNT, COURSE_STATS.FOLLOW_COUNT.minus(1))
				.where(COURSE_STATS.COURSE_ID.in(courses))
				.execute();
		}
	}

	private void dropUpvotes(long id) {
		List<Long> reviews = dsl.select(REVIEW_UPVOTE.REVIEW_ID)
			.from(REVIEW_UPVOTE)
			.where(REVIEW_UPVOTE.PERSON_ID.eq(id))
			.fetch(REVIEW_UPVOTE.REVIEW_ID);
		if (!reviews.isEmpty()) {
			dsl.deleteFrom(REVIEW_UPVOTE).where(REVIEW_UPVOTE.PERSON_ID.eq(id)).execute();
			dsl.update(REVIEW)
				.set(REVIEW.UPVOTE_COUNT, REVIEW.UPVOTE_COUNT.minus(1))
				.where(REVIEW.ID.in(reviews))
				.execute();
		}
	}

	/** As a withdrawn vote does: the course's counts are counted again. */
	private void dropCourseVotes(long id) {
		List<Long> courses = dsl.select(COURSE_VOTE.COURSE_ID)
			.from(COURSE_VOTE)
			.where(COURSE_VOTE.PERSON_ID.eq(id))
			.fetch(COURSE_VOTE.COURSE_ID);
		if (courses.isEmpty()) {
			return;
		}
		dsl.select(COURSE_STATS.COURSE_ID)
			.from(COURSE_STATS)
			.where(COURSE_STATS.COURSE_ID.in(courses))
			.orderBy(COURSE_STATS.COURSE_ID)
			.forUpdate()
			.execute();
		dsl.deleteFrom(COURSE_VOTE).where(COURSE_VOTE.PERSON_ID.eq(id)).execute();
		var vote = COURSE_VOTE.as("v");
		dsl.update(COURSE_STATS)
			.set(COURSE_STATS.UPVOTE_COUNT,
					DSL.field(DSL.selectCount()
						.from(vote)
						.where(vote.COURSE_ID.eq(COURSE_STATS.COURSE_ID))
						.and(vote.VALUE.eq((byte) 1))))
			.set(COURSE_STATS.DOWNVOTE_COUNT,
					DSL.field(DSL.selectCount()
						.from(vote)
						.where(vote.COURSE_ID.eq(COURSE_STATS.COURSE_ID))
						.and(vote.VALUE.eq((byte) -1))))
			.where(COURSE_STATS.COURSE_ID.in(courses))
			.execute();
	}

}
