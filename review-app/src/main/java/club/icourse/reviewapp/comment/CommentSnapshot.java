package club.icourse.reviewapp.comment;

import java.time.Instant;

/** A comment as it stood when it changed: what {@link CommentChanged} carries. */
public record CommentSnapshot(long id, long reviewId, long authorId, String content, Instant createdAt) {

}
