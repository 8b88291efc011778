package club.icourse.reviewapp.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Addresses people may give for a homepage: absolute http or https with a host, nothing
 * else (no javascript:).
 */
public final class WebAddresses {

	private WebAddresses() {
	}

	public static boolean isWebAddress(String text, int maxLength) {
		if (text == null || text.length() > maxLength) {
			return false;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& !uri.getHost().isBlank();
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

}
