package club.icourse.reviewapp.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute addresses of this site's pages, for mails and feeds: the configured public
 * address (PUBLIC_URL), else the address the current request came to, else the path alone
 * (a job outside any request, with nothing configured).
 */
@Component
public class SiteAddress {

	private final String publicUrl;

	SiteAddress(@Value("${icourse.id.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
	}

	public String of(String path) {
		if (!publicUrl.isEmpty()) {
			return publicUrl + path;
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path;
		}
		return path;
	}

}
