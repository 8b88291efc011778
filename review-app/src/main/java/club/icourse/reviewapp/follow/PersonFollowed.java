package club.icourse.reviewapp.follow;

import java.time.Instant;

/** Published inside the transaction in which someone starts following a person. */
public record PersonFollowed(long followerId, long followeeId, Instant at) {
}
