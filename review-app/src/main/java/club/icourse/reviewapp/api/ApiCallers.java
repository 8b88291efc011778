package club.icourse.reviewapp.api;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Who calls: the app an access token was issued to, and the person it acts for, if any.
 * iCourse ID's access tokens name their client in {@code aud} (RFC 9068's
 * {@code client_id} is read first, should it appear). A token the app obtained for itself
 * (client credentials) has the client as its subject; a token that acts for a person
 * names the person by the subject this site knows them by.
 */
@Component
class ApiCallers {

	private final PersonRepository people;

	ApiCallers(PersonRepository people) {
		this.people = people;
	}

	static String app(Jwt token) {
		String clientId = token.getClaimAsString("client_id");
		if (clientId != null) {
			return clientId;
		}
		List<String> audience = token.getAudience();
		return audience == null || audience.isEmpty() ? token.getSubject() : audience.getFirst();
	}

	/**
	 * The person the token acts for, as a person of this site.
	 * @throws ApiProblemException when the token acts for no person, or for one who never
	 * signed in to this site
	 */
	Person person(Jwt token) {
		String subject = token.getSubject();
		if (subject == null || subject.equals(app(token))) {
			throw new ApiProblemException(ApiProblem.NO_PERSON);
		}
		return people.bySubject(token.getIssuer().toString(), subject)
			.orElseThrow(() -> new ApiProblemException(ApiProblem.NOT_A_MEMBER));
	}

}
