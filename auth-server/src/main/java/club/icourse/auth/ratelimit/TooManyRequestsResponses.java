package club.icourse.auth.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Every request over a limit gets 429 with Retry-After: a page for people, a small JSON
 * body for scripts.
 */
@ControllerAdvice
public class TooManyRequestsResponses {

	static final String VIEW = "ratelimit/too-many-requests";

	@ExceptionHandler(RateLimitExceededException.class)
	ModelAndView tooManyRequests(RateLimitExceededException exceeded, HttpServletRequest request,
			HttpServletResponse response) {
		return render(exceeded, request, response);
	}

	public static ModelAndView render(RateLimitExceededException exceeded, HttpServletRequest request,
			HttpServletResponse response) {
		long seconds = exceeded.retryAfterSeconds();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ModelAndView answer = wantsJson(request)
				? new ModelAndView(new JacksonJsonView(),
						Map.of("error", "too_many_requests", "retryAfterSeconds", seconds))
				: new ModelAndView(VIEW, Map.of("retryAfterSeconds", seconds));
		answer.setStatus(HttpStatus.TOO_MANY_REQUESTS);
		return answer;
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)
				&& !accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}
