package example;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Every page needs a signed-in person (Spring Boot's default with an OAuth 2 client
 * registration): the first visit goes through iCourse ID's sign-in, with PKCE.
 */
@SpringBootApplication
@RestController
public class Application {

	private final RestClient api;

	Application(@Value("${api}") String api) {
		this.api = RestClient.create(api);
	}

	@GetMapping("/")
	Map<String, Object> me(@AuthenticationPrincipal OidcUser person,
			@RegisteredOAuth2AuthorizedClient("icourse") OAuth2AuthorizedClient client) {
		Object reviews = this.api.get()
			.uri("/me/reviews")
			.headers(h -> h.setBearerAuth(client.getAccessToken().getTokenValue()))
			.retrieve()
			.body(Object.class);
		return Map.of("claims", person.getClaims(), "reviews", reviews);
	}

	public static void main(String[] args) {
		SpringApplication.run(Application.class, args);
	}

}
