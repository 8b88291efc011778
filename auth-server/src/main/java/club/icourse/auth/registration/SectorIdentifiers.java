package club.icourse.auth.registration;

import com.nimbusds.jose.util.JSONArrayUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
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

	private final Set<String> privateHostsAllowed;

	SectorIdentifiers(@Value("${icourse.registration.fetch-private-hosts:}") Set<String> privateHostsAllowed) {
		this.privateHostsAllowed = privateHostsAllowed.stream()
			.map(host -> host.strip().toLowerCase(Locale.ROOT))
			.filter(host -> !host.isEmpty())
			.collect(Collectors.toSet());
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
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (!privateHostsAllowed.contains(host) && !publicHost(host)) {
			throw InvalidRegistrationException
				.metadata("sector_identifier_uri: " + sectorIdentifierUri + " is not on a public address");
		}
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

	/** Whether every address the host resolves to is a public one. */
	private static boolean publicHost(String host) {
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress() || shared(address)) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

	/**
	 * IPv6 unique local addresses (fc00::/7) and IPv4 shared address space (100.64/10),
	 * which the JDK does not count as site-local.
	 */
	private static boolean shared(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 ? (bytes[0] & 0xfe) == 0xfc : (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
	}

	private static InvalidRegistrationException unreadable(String uri) {
		return InvalidRegistrationException.metadata("sector_identifier_uri: " + uri
				+ " could not be read as a JSON array of redirect URIs (HTTP 200, at most 64 KB)");
	}

}
