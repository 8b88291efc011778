package club.icourse.auth.oauth;

import club.icourse.shared.Scopes;
import com.nimbusds.jose.JWSAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * The discovery document, field by field as this provider behaves (OpenID Connect
 * Discovery 1.0): the scopes and claims it releases, public and pairwise subjects, how
 * the person signed in ({@code acr}), the {@code claims} parameter, every algorithm an ID
 * token may be signed with (a client may register one other than RS256), and back-channel
 * logout, and the registration endpoint (open with an initial access token). What the
 * framework would advertise but no registered client can use is taken out: mutual-TLS and
 * JWT client authentication, certificate- and DPoP-bound tokens, the token exchange
 * grant; request objects are refused ({@link AuthorizationRequestGate}).
 */
final class DiscoveryMetadata implements Consumer<OidcProviderConfiguration.Builder> {

	/** The scopes a person can grant (the admin API's scope is not advertised). */
	static final List<String> SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL, Scopes.SCHOOL,
			Scopes.REVIEWS_READ, Scopes.REVIEWS_WRITE);

	/** How clients registered here authenticate (the clients feature's definitions). */
	static final List<String> CLIENT_AUTHENTICATION = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
			ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(),
			ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue(), ClientAuthenticationMethod.NONE.getValue());

	static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
			AuthorizationGrantType.REFRESH_TOKEN.getValue(), AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

	@Override
	public void accept(OidcProviderConfiguration.Builder metadata) {
		metadata
			.idTokenSigningAlgorithms(algorithms -> SigningKeys.ALGORITHMS.stream()
				.map(JWSAlgorithm::getName)
				.filter(algorithm -> !algorithms.contains(algorithm))
				.forEach(algorithms::add))
			// offline_access: every client that signs people in gets refresh tokens
			// (OfflineAccessScope)
			.scopes(scopes -> replace(scopes, withOfflineAccess()))
			.subjectTypes(types -> replace(types, List.of("public", "pairwise")))
			.grantTypes(grants -> replace(grants, GRANT_TYPES))
			.tokenEndpointAuthenticationMethods(methods -> replace(methods, CLIENT_AUTHENTICATION))
			.tokenRevocationEndpointAuthenticationMethods(methods -> replace(methods, CLIENT_AUTHENTICATION))
			.tokenIntrospectionEndpointAuthenticationMethods(methods -> replace(methods, CLIENT_AUTHENTICATION))
			.claims(DiscoveryMetadata::withoutUnoffered)
			.claims(claims -> claims.put("registration_endpoint",
					claims.get("issuer") + ProtocolEndpoints.REGISTRATION_ENDPOINT))
			.claim("token_endpoint_auth_signing_alg_values_supported", ClientOptions.ASSERTION_ALGORITHMS)
			.claim("userinfo_signing_alg_values_supported",
					SigningKeys.ALGORITHMS.stream().map(JWSAlgorithm::getName).toList())
			.claim("claims_supported", claimsSupported())
			.claim("claim_types_supported", List.of("normal"))
			.claim("claims_parameter_supported", true)
			.claim("acr_values_supported", AuthenticationMethods.ACR_VALUES)
			.claim("response_modes_supported", List.of("query"))
			.claim("request_parameter_supported", false)
			.claim("request_uri_parameter_supported", false)
			.claim("backchannel_logout_supported", true)
			.claim("backchannel_logout_session_supported", true);
	}

	private static List<String> withOfflineAccess() {
		List<String> scopes = new ArrayList<>(SCOPES);
		scopes.add(OfflineAccessScope.OFFLINE_ACCESS);
		return scopes;
	}

	private static void withoutUnoffered(Map<String, Object> claims) {
		claims.remove("tls_client_certificate_bound_access_tokens");
		claims.remove("dpop_signing_alg_values_supported");
	}

	private static List<String> claimsSupported() {
		TreeSet<String> claims = new TreeSet<>(List.of(StandardClaimNames.SUB, IdTokenClaimNames.ISS,
				IdTokenClaimNames.AUD, IdTokenClaimNames.EXP, IdTokenClaimNames.IAT, IdTokenClaimNames.AUTH_TIME,
				IdTokenClaimNames.NONCE, IdTokenClaimNames.ACR, IdTokenClaimNames.AMR, IdTokenClaimNames.AZP, "sid"));
		StandardScopeClaims.BY_SCOPE.values().forEach(claims::addAll);
		return new ArrayList<>(claims);
	}

	private static void replace(List<String> values, List<String> with) {
		values.clear();
		values.addAll(with);
	}

}
