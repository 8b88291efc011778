package club.icourse.auth.registration;

import com.nimbusds.jose.util.JSONArrayUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a {@code sector_identifier_uri} as OpenID Connect Dynamic Client Registration 5
 * asks: the document at that address is a JSON array of redirect URIs, and every redirect
 * URI the client registers is in it; otherwise {@code invalid_client_metadata}. Fetched
 * once per registration or change, with an initial or registration access token already
 * checked, with short timeouts and a size limit, never following redirects.
 */
@Component
class SectorIdentifiers {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final int MAX_BYTES = 64 * 1024;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final FetchableHosts hosts;

	SectorIdentifiers(FetchableHosts hosts) {
		this.hosts = hosts;
	}

	/**
	 * Fetches the document and compares.
	 * @throws InvalidRegistrationException naming what is wrong
	 */
	void check(String sectorIdentifierUri, List<String> redirectUris) {
		Set<String> listed = new HashSet<>();
		for (Object uri : fetch(sectorIdentifierUri)) {
			if (uri instanceof String text) {
				listed.add(text);
			}
		}
		for (String redirect : redirectUris) {
			if (!listed.contains(redirect)) {
				throw InvalidRegistrationException.metadata("sector_identifier_uri: " + sectorIdentifierUri
						+ " does not list the redirect URI " + redirect);
			}
		}
	}

	private List<Object> fetch(String sectorIdentifierUri) {
		URI uri = URI.create(sectorIdentifierUri);
		hosts.require("sector_identifier_uri", uri);
		try {
			HttpResponse<InputStream> response = http.send(
					HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				byte[] bytes = body.readNBytes(MAX_BYTES + 1);
				if (response.statusCode() != 200 || bytes.length > MAX_BYTES) {
					throw unreadable(sectorIdentifierUri);
				}
				return JSONArrayUtils.parse(new String(bytes, StandardCharsets.UTF_8));
			}
		}
		catch (ParseException | IOException | IllegalArgumentException e) {
			throw unreadable(sectorIdentifierUri);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw unreadable(sectorIdentifierUri);
		}
	}

	private static InvalidRegistrationException unreadable(String uri) {
		return InvalidRegistrationException.metadata("sector_identifier_uri: " + uri
				+ " could not be read as a JSON array of redirect URIs (HTTP 200, at most 64 KB)");
	}

}
