package club.icourse.auth.passkeys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused registration answered as 400 with the reason in the person's language
 * ({@code {"success": false, "message": ...}}), where Spring Security's registration
 * filter would let the exception become a 500.
 */
class PasskeyRegistrationRefusals extends OncePerRequestFilter {

	static final String PATH = "/webauthn/register";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	private final LocaleResolver locales;

	PasskeyRegistrationRefusals(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (PasskeyRegistrationRefusedException refused) {
			answer(refused, request, response);
		}
		catch (ServletException wrapped) {
			if (wrapped.getCause() instanceof PasskeyRegistrationRefusedException refused) {
				answer(refused, request, response);
				return;
			}
			throw wrapped;
		}
	}

	private void answer(PasskeyRegistrationRefusedException refused, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String message = messages.getMessage(refused.messageKey(), null, locales.resolveLocale(request));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		JSON.writeValue(response.getOutputStream(), Map.of("success", false, "message", message));
	}

}
