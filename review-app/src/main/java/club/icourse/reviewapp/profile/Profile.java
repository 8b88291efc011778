package club.icourse.reviewapp.profile;

import java.time.Instant;

/** What a person's profile page shows about them, and their privacy switches. */
public record Profile(long id, String username, String affiliation, String description, String homepage,
		int avatarVersion, boolean hideFollows, boolean hideProfile, Instant joined) {

	public boolean hasAvatar() {
		return avatarVersion > 0;
	}
}
