package club.icourse.reviewapp.people;

import java.time.Instant;

/** The person is muted until {@link #until()}: they may read, not write. */
public class MutedException extends RuntimeException {

	private final Instant until;

	public MutedException(Instant until) {
		super("Muted until " + until);
		this.until = until;
	}

	public Instant until() {
		return until;
	}

}
