package club.icourse.reviewapp.review;

/**
 * Why a review cannot be saved: the form field at fault and the message key
 * ({@code review.problem.<code>}).
 */
public record ReviewProblem(String field, String code) {

	public String messageKey() {
		return "review.problem." + code;
	}
}
