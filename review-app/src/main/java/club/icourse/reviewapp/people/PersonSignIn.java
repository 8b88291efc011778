package club.icourse.reviewapp.people;

import club.icourse.shared.Affiliation;
import club.icourse.shared.ClaimNames;
import club.icourse.shared.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns the identity iCourse ID asserts into a person of this site: recorded by (issuer,
 * subject), with authorities for what they may do here ({@code ROLE_USER};
 * {@code ROLE_STUDENT} or {@code ROLE_TEACHER}; {@code ROLE_ADMIN}).
 */
@Component
class PersonSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String STUDENT = "ROLE_STUDENT";
	static final String TEACHER = "ROLE_TEACHER";

	/** The width of person.locale. */
	private static final int LANGUAGE_TAG_LENGTH = 35;

	private final OidcUserService oidc = new OidcUserService();

	private final PersonRepository people;

	private final Clock clock;

	private final MeterRegistry meters;

	PersonSignIn(PersonRepository people, Clock clock, MeterRegistry meters) {
		this.people = people;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = oidc.loadUser(request);
		Affiliation affiliation = Affiliation.fromClaimValue(user.getClaimAsString(ClaimNames.AFFILIATION))
			.orElse(null);
		List<String> roles = user.getClaimAsStringList(ClaimNames.ROLES);
		boolean admin = roles != null && roles.contains(Role.ADMIN.name());
		String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
		String email = Boolean.TRUE.equals(user.getEmailVerified()) ? user.getEmail() : null;
		Person person = people.signedIn(user.getIssuer().toString(), user.getSubject(), username,
				user.getClaimAsString(ClaimNames.SCHOOL), affiliation, admin, email, language(user.getLocale()),
				clock.instant());

		meters.counter("icourse.review.sign-ins").increment();
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(Role.USER.authority()));
		if (affiliation != null) {
			authorities.add(new SimpleGrantedAuthority(affiliation == Affiliation.STUDENT ? STUDENT : TEACHER));
		}
		if (person.admin()) {
			authorities.add(new SimpleGrantedAuthority(Role.ADMIN.authority()));
		}
		return new SignedInPerson(person, authorities, user.getIdToken(), user.getUserInfo());
	}

	/**
	 * The language of the {@code locale} claim (a BCP 47 tag; some providers write
	 * {@code zh_CN}), or null when it names none.
	 */
	static Locale language(String claim) {
		if (claim == null || claim.isBlank() || claim.length() > LANGUAGE_TAG_LENGTH) {
			return null;
		}
		Locale language = Locale.forLanguageTag(claim.strip().replace('_', '-'));
		return language.getLanguage().isEmpty() || language.toLanguageTag().length() > LANGUAGE_TAG_LENGTH ? null
				: language;
	}

}
