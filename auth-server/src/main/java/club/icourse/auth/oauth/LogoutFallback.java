package club.icourse.auth.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A logout request the provider cannot carry out at once: no {@code id_token_hint} (it is
 * only recommended), or one we signed whose grant was revoked, whose session is over or
 * that names someone else. The person is asked on the confirmation page
 * ({@link LogoutConfirmationController}) instead of seeing an error; they are sent back
 * to the site afterwards only to a post-logout redirect URI registered for the client the
 * request identifies. A hint we did not sign, and a redirect URI the identified client
 * never registered, are refused (400, {@link LogoutRefusedController}) as the
 * specification says: never a redirect.
 */
@Component
class LogoutFallback implements AuthenticationFailureHandler {

	private final NimbusJwtDecoder signedByUs;

	private final PostLogoutTargets targets;

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	LogoutFallback(JWKSource<SecurityContext> keys, PostLogoutTargets targets) {
		this.targets = targets;
		this.signedByUs = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithms(algorithms -> SigningKeys.ALGORITHMS.stream()
				.map(JWSAlgorithm::getName)
				.map(SignatureAlgorithm::from)
				.forEach(algorithms::add))
			.build();
		// Expired hints are fine: the signature is what counts here.
		this.signedByUs.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String hint = request.getParameter("id_token_hint");
		String clientId = request.getParameter("client_id");
		String postLogoutRedirectUri = request.getParameter("post_logout_redirect_uri");
		if (StringUtils.hasText(hint)) {
			Optional<Jwt> ours = decode(hint);
			if (ours.isEmpty()) {
				refuse(request, response, LogoutRefusedController.Reason.HINT_NOT_OURS);
				return;
			}
			List<String> audience = ours.get().getAudience();
			if (audience == null || audience.isEmpty()
					|| (StringUtils.hasText(clientId) && !audience.contains(clientId))) {
				refuse(request, response, LogoutRefusedController.Reason.HINT_NOT_OURS);
				return;
			}
			clientId = audience.getFirst();
		}
		Map<String, String> carried = new LinkedHashMap<>();
		if (StringUtils.hasText(clientId)) {
			carried.put("client_id", clientId);
		}
		if (StringUtils.hasText(postLogoutRedirectUri) && StringUtils.hasText(clientId)) {
			if (targets.clientName(clientId).isPresent() && !targets.isRegistered(clientId, postLogoutRedirectUri)) {
				refuse(request, response, LogoutRefusedController.Reason.ADDRESS_NOT_REGISTERED);
				return;
			}
			carried.put("post_logout_redirect_uri", postLogoutRedirectUri);
			String state = request.getParameter("state");
			if (StringUtils.hasText(state)) {
				carried.put("state", state);
			}
		}
		redirect.sendRedirect(request, response,
				LogoutConfirmationController.PATH + (carried.isEmpty() ? ""
						: carried.entrySet()
							.stream()
							.map(parameter -> parameter.getKey() + "="
									+ URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
							.collect(Collectors.joining("&", "?", ""))));
	}

	private Optional<Jwt> decode(String hint) {
		try {
			return Optional.of(signedByUs.decode(hint));
		}
		catch (JwtException notOurs) {
			return Optional.empty();
		}
	}

	/** The refusal page, with the reason, instead of a redirect anywhere. */
	private static void refuse(HttpServletRequest request, HttpServletResponse response,
			LogoutRefusedController.Reason reason) throws IOException, ServletException {
		request.setAttribute(LogoutRefusedController.REASON, reason);
		request.getRequestDispatcher(LogoutRefusedController.PATH).forward(request, response);
	}

}
