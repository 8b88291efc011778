package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.http.converter.OidcUserInfoHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The UserInfo answer (OpenID Connect Core 5.3.2): JSON, or for a client that registered
 * {@code userinfo_signed_response_alg} a JWT signed with that algorithm by the key whose
 * turn it is, carrying the claims with {@code iss} and the client as {@code aud}
 * ({@code application/jwt}).
 */
final class SignedUserInfo implements AuthenticationSuccessHandler {

	private static final MediaType JWT = new MediaType("application", "jwt");

	private final OidcUserInfoHttpMessageConverter json = new OidcUserInfoHttpMessageConverter();

	private final RegisteredClientRepository clients;

	private final JwtEncoder tokens;

	private final Clock clock;

	SignedUserInfo(RegisteredClientRepository clients, JwtEncoder tokens, Clock clock) {
		this.clients = clients;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OidcUserInfoAuthenticationToken answer = (OidcUserInfoAuthenticationToken) authentication;
		OidcUserInfo userInfo = answer.getUserInfo();
		RegisteredClient client = answer.getPrincipal() instanceof LiveBearerToken bearer
				? clients.findById(bearer.live().registeredClientId()) : null;
		Object algorithm = client == null ? null
				: client.getClientSettings().getSetting(ClientOptions.USERINFO_ALGORITHM);
		if (!(algorithm instanceof String name)) {
			json.write(userInfo, null, new ServletServerHttpResponse(response));
			return;
		}
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder();
		userInfo.getClaims()
			.forEach((claim, value) -> claims.claim(claim,
					value instanceof Instant instant ? instant.getEpochSecond() : value));
		claims.issuer(AuthorizationServerContextHolder.getContext().getIssuer())
			.audience(List.of(client.getClientId()))
			.issuedAt(clock.instant());
		String jwt = tokens
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.from(name)).build(), claims.build()))
			.getTokenValue();
		response.setContentType(JWT.toString());
		response.getOutputStream().write(jwt.getBytes(StandardCharsets.US_ASCII));
	}

}
