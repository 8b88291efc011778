package club.icourse.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client behind a request: the socket peer, unless the peer is one of
 * the configured trusted proxies, in which case the right-most address of X-Forwarded-For
 * that is not itself a trusted proxy. Anything a client writes into X-Forwarded-For to
 * the left of that is ignored, so it cannot pick its own address.
 */
public class ClientAddress {

	/**
	 * Only IP literals are compared: a host name in the header must never cause a DNS
	 * lookup.
	 */
	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<IpAddressMatcher> trustedProxies;

	public ClientAddress(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
	}

	public String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (!isTrustedProxy(peer)) {
			return peer;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null) {
			return peer;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!IP_LITERAL.matcher(hop).matches()) {
				return peer;
			}
			if (!isTrustedProxy(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean isTrustedProxy(String address) {
		return IP_LITERAL.matcher(address).matches()
				&& trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
	}

}
