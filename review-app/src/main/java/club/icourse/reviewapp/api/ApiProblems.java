package club.icourse.reviewapp.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details (RFC 9457) in the caller's language: for controllers, and written
 * straight to the response by the security chain and the rate limit, which answer before
 * any controller.
 */
@Component
class ApiProblems {

	private final MessageSource messages;

	private final JsonMapper json;

	ApiProblems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	ProblemDetail of(ApiProblem problem, HttpServletRequest request, Object... arguments) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(),
				messages.getMessage(problem.messageKey(), arguments, LocaleContextHolder.getLocale()));
		detail.setType(problem.type());
		detail.setTitle(problem.status().getReasonPhrase());
		if (request != null) {
			detail.setInstance(URI.create(request.getRequestURI()));
		}
		return detail;
	}

	String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

}
