package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs OpenID Connect Back-Channel Logout tokens with the current signing key: for one
 * sign-in (with its {@code sid}) when a person signs out, or for every session of the
 * subject (no {@code sid}) when their account ends.
 */
@Component
class LogoutTokens {

	static final String BACKCHANNEL_LOGOUT = "http://schemas.openid.net/event/backchannel-logout";

	/** OpenID RISC: the account is gone for good; the site drops what it keeps of it. */
	static final String ACCOUNT_PURGED = "https://schemas.openid.net/secevent/risc/event-type/account-purged";

	private final JwtEncoder tokens;

	private final OidcProperties properties;

	private final Clock clock;

	LogoutTokens(JwtEncoder tokens, OidcProperties properties, Clock clock) {
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param subject the subject as the client knows it (pairwise for a third party)
	 * @param sid the browser session, or null for every session of the subject
	 */
	String sign(String issuer, String clientId, String subject, String sid, List<String> events) {
		Instant now = clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.audience(List.of(clientId))
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(2)))
			.id(UUID.randomUUID().toString())
			.claim("events", events.stream().collect(Collectors.toMap(event -> event, event -> Map.of())));
		if (sid != null) {
			claims.claim("sid", sid);
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
		return tokens.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	/**
	 * The issuer: configured, or (in tests on random ports) the request's own address.
	 */
	String issuer(HttpServletRequest request) {
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			return properties.issuer();
		}
		if (request == null) {
			throw new IllegalStateException("No icourse.oidc.issuer configured and no request to take it from");
		}
		String port = (request.getScheme().equals("http") && request.getServerPort() == 80)
				|| (request.getScheme().equals("https") && request.getServerPort() == 443) ? ""
						: ":" + request.getServerPort();
		return request.getScheme() + "://" + request.getServerName() + port;
	}

}
