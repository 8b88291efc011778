package club.icourse.reviewapp.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request: the socket peer, unless the peer is one of
 * the configured trusted proxies ({@code icourse.web.trusted-proxies}), in which case the
 * right-most address of X-Forwarded-For that is not itself a trusted proxy. Anything a
 * client writes into X-Forwarded-For to the left of that is ignored, so it cannot pick
 * its own address.
 *
 * <p>
 * The same rule as auth-server's {@code ratelimit.ClientAddress}, under the property name
 * of the shared {@code web-support} module that is to hold one class for both apps; this
 * copy goes when that lands.
 */
@Component
public class ClientAddress {

	/**
	 * Only IP literals are compared: a host name in the header must never cause a DNS
	 * lookup.
	 */
	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<IpAddressMatcher> trustedProxies;

	public ClientAddress(@Value("${icourse.web.trusted-proxies:}") List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream()
			.filter(proxy -> !proxy.isBlank())
			.map(String::strip)
			.map(IpAddressMatcher::new)
			.toList();
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
