package club.icourse.reviewapp.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address under {@code /api} that nothing answers is a 404 problem detail like every
 * other API error; anywhere else the site's 404 page stays (the exception goes on to the
 * next resolver).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownApiAddress {

	private final ApiProblems problems;

	UnknownApiAddress(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ProblemDetail unknown(Exception unknown, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw unknown;
		}
		return problems.of(ApiProblem.NOT_FOUND, request);
	}

}
