package club.icourse.reviewapp.people;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The principal of a signed-in session: the OpenID Connect user (its name is the
 * {@code sub}, which back-channel logout looks sessions up by) together with who that is
 * on this site.
 */
public class SignedInPerson extends DefaultOidcUser {

	private final Person person;

	SignedInPerson(Person person, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
			OidcUserInfo userInfo) {
		super(authorities, idToken, userInfo, "sub");
		this.person = person;
	}

	public Person person() {
		return person;
	}

}
