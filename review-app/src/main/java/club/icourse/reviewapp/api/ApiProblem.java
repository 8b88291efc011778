package club.icourse.reviewapp.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The problems the API names itself (RFC 9457), each with a type URI of its own and a
 * message key ({@code api.problem.<code>}) for its detail.
 */
enum ApiProblem {

	/** No valid access token. */
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
	/** The token lacks the scope the request needs. */
	INSUFFICIENT_SCOPE("insufficient-scope", HttpStatus.FORBIDDEN),
	/** The token was issued to the app for itself, not for a person. */
	NO_PERSON("no-person", HttpStatus.FORBIDDEN),
	/** The person has never signed in to the review site. */
	NOT_A_MEMBER("not-a-member", HttpStatus.FORBIDDEN),
	/** The person is muted and may not write. */
	MUTED("muted", HttpStatus.FORBIDDEN),
	/** The app has used up its requests for now. */
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
	/** A cursor this API did not hand out. */
	BAD_CURSOR("bad-cursor", HttpStatus.BAD_REQUEST),
	/** A page size outside 1 to {@link Cursors#MAX_LIMIT}. */
	BAD_LIMIT("bad-limit", HttpStatus.BAD_REQUEST),
	/** A review the rules refuse; the problems are listed. */
	REVIEW_REFUSED("review-refused", HttpStatus.BAD_REQUEST),
	/** Nothing at this address, or nothing this caller may read. */
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND);

	private final String code;

	private final HttpStatus status;

	ApiProblem(String code, HttpStatus status) {
		this.code = code;
		this.status = status;
	}

	URI type() {
		return URI.create("urn:icourse:api:problem:" + code);
	}

	HttpStatus status() {
		return status;
	}

	String messageKey() {
		return "api.problem." + code;
	}

}
