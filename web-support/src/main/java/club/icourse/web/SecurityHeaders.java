package club.icourse.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of every page: a Content-Security-Policy that runs only this
 * site's own script files (no inline script, no handler attributes, no
 * {@code javascript:} links; templates are checked for them by a test), forbids framing,
 * and allows style only from this site's style sheets; a Referrer-Policy that keeps our
 * addresses to ourselves; a Permissions-Policy that turns off devices no page uses; HSTS
 * only on requests that came over https (Spring Security's default matcher).
 *
 * <p>
 * Spring Security 7 applies a {@code Customizer<HeadersConfigurer<HttpSecurity>>} bean to
 * every {@code HttpSecurity} it builds, so every filter chain of both apps, present and
 * future, gets these headers without repeating them.
 *
 * <p>
 * {@code img-src data:} is for the small SVG images inside Bootstrap's style sheet.
 * {@code form-action} is left out on purpose: browsers apply it to the redirects that
 * follow a form, and signing in ends in a redirect to another site (a relying party, or
 * the identity provider), which it would block.
 */
public class SecurityHeaders implements Customizer<HeadersConfigurer<HttpSecurity>> {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'";

	public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private static final long ONE_YEAR_IN_SECONDS = 365L * 24 * 60 * 60;

	@Override
	public void customize(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(ONE_YEAR_IN_SECONDS));
	}

}
