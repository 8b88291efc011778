package club.icourse.reviewapp.review;

import club.icourse.web.NotFoundException;

/**
 * No such review, or none this person may act on: both answer 404, so that hidden reviews
 * stay unknowable.
 */
public class ReviewNotFoundException extends NotFoundException {

	public ReviewNotFoundException() {
		super("No such review");
	}

}
