package club.icourse.reviewapp.comment;

import java.time.Instant;

/** Published inside the transaction that writes or deletes a comment. */
public record CommentChanged(CommentSnapshot comment, Action action, long operatorId, Instant at) {

	public enum Action {

		CREATE, DELETE

	}

}
