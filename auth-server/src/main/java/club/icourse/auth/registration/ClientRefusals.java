package club.icourse.auth.registration;

import club.icourse.auth.clients.ClientProblem;
import club.icourse.auth.clients.ClientRefusedException;
import club.icourse.auth.developers.DeveloperAppRefusedException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The registry's refusals in the terms of RFC 7591 3.2.2: a problem with a redirect URI
 * is {@code invalid_redirect_uri}, any other {@code invalid_client_metadata}, described
 * by the metadata names a developer sent.
 */
final class ClientRefusals {

	private ClientRefusals() {
	}

	static <T> T mapped(Supplier<T> change) {
		try {
			return change.get();
		}
		catch (ClientRefusedException refused) {
			throw refusal(refused.problems());
		}
		catch (DeveloperAppRefusedException refused) {
			throw refusal(refused.problems());
		}
	}

	private static InvalidRegistrationException refusal(List<ClientProblem> problems) {
		boolean redirect = problems.stream().anyMatch(p -> p.field().equals("redirectUris"));
		String description = problems.stream().map(ClientRefusals::describe).collect(Collectors.joining("; "));
		return new InvalidRegistrationException(redirect ? InvalidRegistrationException.INVALID_REDIRECT_URI
				: InvalidRegistrationException.INVALID_CLIENT_METADATA, description);
	}

	private static final Set<String> NEEDS_HTTPS = Set.of("uri-not-https", "uri-localhost");

	private static String describe(ClientProblem problem) {
		String field = switch (problem.field()) {
			case "redirectUris" -> "redirect_uris";
			case "postLogoutRedirectUris" -> "post_logout_redirect_uris";
			case "backchannelLogoutUri" -> "backchannel_logout_uri";
			case "name" -> "client_name";
			case "scopes" -> "scope";
			case "idTokenAlgorithm" -> "id_token_signed_response_alg";
			case "userInfoAlgorithm" -> "userinfo_signed_response_alg";
			case "clientCredentials" -> "grant_types";
			case "homepageUri" -> "client_uri";
			case "jwksUri" -> "jwks_uri";
			case "keys" -> "token_endpoint_auth_method";
			case "policyUri" -> "policy_uri";
			case "tosUri" -> "tos_uri";
			default -> problem.field();
		};
		String what = switch (problem.code()) {
			case "uri-malformed" -> "not an absolute address without a fragment";
			case "too-many-uris" -> "at most 10 addresses";
			case "unknown-scope" -> "not a scope this server offers";
			case "openid-needed" -> "must include openid";
			case "public-client-credentials" -> "client_credentials needs a confidential client";
			case "id-token-algorithm" -> "RS256 or ES256 only";
			case "name" -> "1 to 100 characters";
			case "jwks-one" -> "private_key_jwt needs exactly one of jwks and jwks_uri";
			case "jwks-invalid" -> "not a JWK Set of 1 to 10 public keys";
			case "signing-algorithm" -> "token_endpoint_auth_signing_alg: RS256, PS256 or ES256 only";
			case "too-many-apps" -> "the owner has registered as many apps as one account may";
			case "admin-scope" -> "the admin scope is given by an administrator only";
			default -> NEEDS_HTTPS.contains(problem.code())
					? "must use https (http only on 127.0.0.1 or [::1]; not localhost)" : problem.code();
		};
		return field + ": " + (problem.value() == null ? "" : problem.value() + " ") + what;
	}

}
