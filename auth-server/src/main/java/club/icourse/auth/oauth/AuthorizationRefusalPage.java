package club.icourse.auth.oauth;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for an authorization request the framework refuses without sending the person
 * back to the site (an unknown client, a redirect URI the client did not register, a
 * missing or unsupported response type: RFC 6749 4.1.2.1): which parameter was wrong and
 * why nobody is sent anywhere, instead of the generic error page. The framework answers
 * these with {@code sendError(400, "[error] OAuth 2.0 Parameter: name")}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthorizationRefusalPage implements ErrorViewResolver {

	static final String VIEW = "oauth/authorize-refused";

	private static final Pattern FRAMEWORK_MESSAGE = Pattern
		.compile("^\\[([a-z_]+)\\] OAuth 2\\.0 Parameter: ([a-z_]+)");

	private static final Set<String> EXPLAINED = Set.of("client_id", "redirect_uri", "response_type", "request_uri");

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		if (status != HttpStatus.BAD_REQUEST
				|| !AuthorizationRequestGate.AUTHORIZE.equals(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
				|| !(request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message)) {
			return null;
		}
		Matcher matcher = FRAMEWORK_MESSAGE.matcher(message);
		boolean framework = matcher.find();
		String error = framework ? matcher.group(1) : "invalid_request";
		String parameter = framework ? matcher.group(2) : "";
		String reason = EXPLAINED.contains(parameter) ? parameter : "other";
		return new ModelAndView(VIEW,
				Map.of("reason", "authorize.refused." + reason, "error", error, "parameter", parameter), status);
	}

}
