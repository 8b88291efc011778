package club.icourse.reviewapp.profile;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.course.CoursesTaken;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.moderation.LocalAdmins;
import club.icourse.reviewapp.people.Mutes;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewListing;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Puts a profile page together: reviews are never the anonymous ones, except to the
 * person and administrators; a hidden profile, or hidden follows, still show to them.
 */
@Service
class ProfilePages {

	private final ReviewListing reviews;

	private final ReviewCards cards;

	private final Follows follows;

	private final Mutes mutes;

	private final LocalAdmins localAdmins;

	private final CoursesTaken taken;

	ProfilePages(ReviewListing reviews, ReviewCards cards, Follows follows, Mutes mutes, LocalAdmins localAdmins,
			CoursesTaken taken) {
		this.taken = taken;
		this.reviews = reviews;
		this.cards = cards;
		this.follows = follows;
		this.mutes = mutes;
		this.localAdmins = localAdmins;
	}

	ProfilePage page(Profile profile, Optional<Person> reader, String page) {
		boolean self = reader.map(person -> person.id() == profile.id()).orElse(false);
		Optional<Person> admin = reader.filter(Person::admin);
		boolean privileged = self || admin.isPresent();
		boolean hidden = profile.hideProfile() && !privileged;
		return new ProfilePage(profile, self, hidden, this.follows.followsPerson(reader, profile.id()),
				admin.map(a -> this.localAdmins.isLocalAdmin(profile.id())).orElse(false),
				admin.flatMap(a -> this.mutes.mutedUntil(profile.id())).orElse(null),
				hidden ? null : this.cards.of(this.reviews.byAuthor(profile.id(), reader, Page.number(page)), reader),
				(hidden || (profile.hideFollows() && !privileged)) ? null : followLists(profile.id()));
	}

	private ProfilePage.FollowLists followLists(long personId) {
		return new ProfilePage.FollowLists(this.follows.coursesFollowedBy(personId),
				this.follows.peopleFollowedBy(personId), this.follows.followersOf(personId), this.taken.of(personId));
	}

}
