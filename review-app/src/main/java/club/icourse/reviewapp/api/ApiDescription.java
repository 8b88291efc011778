package club.icourse.reviewapp.api;

import club.icourse.shared.Scopes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description (springdoc, at {@code /api/openapi}, rendered at
 * {@code /api/docs}): how to get a token from iCourse ID, and which scope does what.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String TOKEN = "icourse-id";

	@Bean
	OpenAPI reviewApi(@Value("${icourse.id.issuer}") String issuer) {
		return new OpenAPI()
			.info(new Info().title("iCourse review data")
				.version("1")
				.description("Courses, teachers, figures and reviews as an anonymous visitor reads them, for any app "
						+ "registered at iCourse ID; a person's own reviews, drafts, follows and notifications, and "
						+ "writing their review, with their consent. Errors are RFC 9457 problem details; lists come "
						+ "in parts, each with the cursor of the next; every answer carries RateLimit-Limit, "
						+ "RateLimit-Remaining and RateLimit-Reset (draft-ietf-httpapi-ratelimit-headers-07)."))
			.components(
					new Components().addSecuritySchemes(TOKEN,
							new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
								.description("An access token from iCourse ID, as a bearer token")
								.flows(new OAuthFlows()
									.clientCredentials(new OAuthFlow().tokenUrl(issuer + "/oauth2/token")
										.scopes(new io.swagger.v3.oas.models.security.Scopes()))
									.authorizationCode(new OAuthFlow().authorizationUrl(issuer + "/oauth2/authorize")
										.tokenUrl(issuer + "/oauth2/token")
										.scopes(new io.swagger.v3.oas.models.security.Scopes()
											.addString(Scopes.REVIEWS_READ,
													"Read the person's own reviews, drafts, follows and "
															+ "notifications")
											.addString(Scopes.REVIEWS_WRITE, "Write the person's reviews"))))))
			.addSecurityItem(new SecurityRequirement().addList(TOKEN));
	}

}
