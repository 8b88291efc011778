package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** max_age against a clock an hour ahead of the sign-in. */
class ReauthenticationFilterTest {

	private final Instant signedInAt = Instant.parse("2026-11-25T08:00:00Z");

	private final RegisteredClient site = RegisteredClient.withId("1")
		.clientId("site")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("https://site.example/callback")
		.scope("openid")
		.build();

	private final ReauthenticationFilter filter = new ReauthenticationFilter(
			Clock.fixed(signedInAt.plus(Duration.ofHours(1)), ZoneOffset.UTC),
			new InMemoryRegisteredClientRepository(site), new PushedRequests(new InMemoryOAuth2AuthorizationService()));

	@AfterEach
	void forget() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anOlderSignInThanMaxAgeStartsTheRequestAgainWithoutIt() throws Exception {
		MockHttpServletResponse response = authorize("max_age=600");
		assertThat(response.getRedirectedUrl()).isEqualTo("/oauth2/authorize?client_id=site&scope=openid");
	}

	@Test
	void aRecentEnoughSignInGoesOn() throws Exception {
		assertThat(authorize("max_age=7200").getRedirectedUrl()).isNull();
		assertThat(authorize("max_age=not-a-number").getRedirectedUrl()).isNull();
		assertThat(authorize("prompt=none&max_age=7200").getRedirectedUrl()).as("prompt=none never shows a page")
			.isNull();
	}

	@Test
	void promptNoneWithAnOlderSignInThanMaxAgeAnswersLoginRequiredOnlyAtARegisteredRedirect() throws Exception {
		assertThat(authorize("prompt=none&max_age=1&state=xyz&redirect_uri=https://site.example/callback")
			.getRedirectedUrl()).isEqualTo("https://site.example/callback?error=login_required&state=xyz");
		assertThat(authorize("prompt=none&max_age=1").getRedirectedUrl()).as("the only registered one")
			.isEqualTo("https://site.example/callback?error=login_required");
		assertThat(authorize("prompt=none&max_age=1&redirect_uri=https://evil.example/").getRedirectedUrl())
			.as("left to the framework's refusal")
			.isNull();
	}

	private MockHttpServletResponse authorize(String extra) throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("subject", null,
					List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
						.issuedAt(signedInAt)
						.build())));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
		request.setServletPath("/oauth2/authorize");
		request.addParameter("client_id", "site");
		request.addParameter("scope", "openid");
		for (String pair : extra.split("&")) {
			String[] parts = pair.split("=");
			request.addParameter(parts[0], parts[1]);
		}
		// As the framework's validating filter leaves a request whose client and redirect
		// URI are good.
		String redirect = request.getParameter("redirect_uri");
		if (redirect == null || site.getRedirectUris().contains(redirect)) {
			request.setAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName(),
					new OAuth2AuthorizationCodeRequestAuthenticationToken("/oauth2/authorize", "site",
							SecurityContextHolder.getContext().getAuthentication(), redirect,
							request.getParameter("state"), Set.of("openid"), Map.of()));
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
