package club.icourse.auth.oauth;

import club.icourse.auth.system.KeyEncryption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * The {@code sub} each client sees. First-party clients (the review app) get the
 * account's public subject; every third-party site gets a pairwise one (OpenID Connect
 * Core 8.1), different per sector (the host of its {@code sector_identifier_uri} when it
 * registered one, else of its redirect URIs), so two sites cannot match up their users.
 * Neither is ever derived from the email address.
 */
@Component
class PairwiseSubjects {

	private final SecretKeySpec key;

	PairwiseSubjects(OidcProperties properties) {
		// Derived from the key-encryption secret, which can never change without losing
		// the signing keys either.
		byte[] secret = Base64.getDecoder()
			.decode(new KeyEncryption(properties.keyEncryptionSecret()).secretForDerivation());
		this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "pairwise-subject"), "HmacSHA256");
	}

	String subjectFor(String accountSubject, RegisteredClient client) {
		if (isFirstParty(client)) {
			return accountSubject;
		}
		byte[] digest = hmac(key, sector(client) + "|" + accountSubject);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
	}

	static boolean isFirstParty(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientOptions.FIRST_PARTY));
	}

	/**
	 * The host of the client's sector identifier URI, else the host all redirect URIs
	 * share; a client spread over several hosts without one is a sector of its own.
	 */
	static String sector(RegisteredClient client) {
		if (client.getClientSettings().getSetting(ClientOptions.SECTOR_IDENTIFIER_URI) instanceof String uri) {
			return URI.create(uri).getHost().toLowerCase(Locale.ROOT);
		}
		Set<String> hosts = client.getRedirectUris()
			.stream()
			.map(uri -> URI.create(uri).getHost())
			.map(host -> host == null ? "" : host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return hosts.size() == 1 ? hosts.iterator().next() : "client:" + client.getClientId();
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
