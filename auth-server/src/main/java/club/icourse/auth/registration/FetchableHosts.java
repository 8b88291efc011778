package club.icourse.auth.registration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hosts this server may fetch from at a registering client's word
 * ({@code sector_identifier_uri}, {@code jwks_uri}): anyone can issue themselves an
 * initial access token, so an address inside the provider's own network would let anyone
 * make it send requests there. Only hosts whose every address is public, and the private
 * hosts an operator names ({@code icourse.registration.fetch-private-hosts}).
 */
@Component
class FetchableHosts {

	private final Set<String> privateHostsAllowed;

	FetchableHosts(@Value("${icourse.registration.fetch-private-hosts:}") Set<String> privateHostsAllowed) {
		this.privateHostsAllowed = privateHostsAllowed.stream()
			.map(host -> host.strip().toLowerCase(Locale.ROOT))
			.filter(host -> !host.isEmpty())
			.collect(Collectors.toSet());
	}

	/**
	 * @throws InvalidRegistrationException naming the field when its host is not one to
	 * fetch from
	 */
	void require(String field, URI uri) {
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (host.isEmpty() || (!privateHostsAllowed.contains(host) && !publicHost(host))) {
			throw InvalidRegistrationException.metadata(field + ": " + uri + " is not on a public address");
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

}
