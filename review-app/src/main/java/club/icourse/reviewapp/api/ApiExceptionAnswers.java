package club.icourse.reviewapp.api;

import club.icourse.reviewapp.people.MutedException;
import club.icourse.reviewapp.review.ReviewRefusedException;
import club.icourse.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API's controllers as a problem detail (RFC 9457): the framework's
 * own (unreadable JSON, a path or parameter of the wrong type, a wrong method: 4xx) and
 * the features' (unknown or unreadable review 404, refused review 400 naming each
 * problem, muted 403). Ahead of the site's advice, which answers pages.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionAnswers.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAnswers extends ResponseEntityExceptionHandler {

	private final ApiProblems problems;

	ApiExceptionAnswers(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ApiProblemException.class)
	ProblemDetail refused(ApiProblemException refused, HttpServletRequest request) {
		return problems.of(refused.problem(), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(HttpServletRequest request) {
		return problems.of(ApiProblem.NOT_FOUND, request);
	}

	@ExceptionHandler(MutedException.class)
	ProblemDetail muted(MutedException muted, HttpServletRequest request) {
		ProblemDetail problem = problems.of(ApiProblem.MUTED, request, muted.until());
		problem.setProperty("mutedUntil", muted.until().toString());
		return problem;
	}

	@ExceptionHandler(ReviewRefusedException.class)
	ProblemDetail reviewRefused(ReviewRefusedException refused, HttpServletRequest request) {
		ProblemDetail problem = problems.of(ApiProblem.REVIEW_REFUSED, request);
		List<Map<String, String>> errors = refused.problems()
			.stream()
			.map(each -> Map.of("field", each.field(), "code", each.code(), "message",
					problems.message(each.messageKey())))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

}
