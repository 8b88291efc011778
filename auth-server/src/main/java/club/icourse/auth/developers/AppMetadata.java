package club.icourse.auth.developers;

import java.util.stream.Stream;

/**
 * What the consent page shows about an app beside its name: where it lives and its
 * policies. Blank means none.
 */
public record AppMetadata(String homepageUri, String policyUri, String tosUri) {

	public AppMetadata {
		homepageUri = clean(homepageUri);
		policyUri = clean(policyUri);
		tosUri = clean(tosUri);
	}

	public static final AppMetadata NONE = new AppMetadata(null, null, null);

	Stream<String[]> fields() {
		return Stream.of(new String[] { "homepageUri", homepageUri }, new String[] { "policyUri", policyUri },
				new String[] { "tosUri", tosUri });
	}

	private static String clean(String uri) {
		return uri == null ? "" : uri.strip();
	}

}
