package club.icourse.auth.oauth;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** Counts every token issued, by grant type and token type, for dashboards. */
final class IssuedTokenCounter implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final MeterRegistry meters;

	IssuedTokenCounter(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		meters
			.counter("icourse.tokens.issued", "grant_type", context.getAuthorizationGrantType().getValue(), "token",
					context.getTokenType().getValue())
			.increment();
	}

}
