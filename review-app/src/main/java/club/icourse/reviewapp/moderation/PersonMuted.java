package club.icourse.reviewapp.moderation;

import java.time.Instant;

/**
 * Published inside the transaction that mutes a person (until null: the mute was lifted).
 */
public record PersonMuted(long personId, Instant until, String reason, Instant at) {
}
