package club.icourse.reviewapp.profile;

import club.icourse.reviewapp.review.ReviewText;
import club.icourse.reviewapp.system.WebAddresses;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings form. {@link #problems()} names what is wrong
 * ({@code settings.problem.<code>}): a description of at most 1000 characters, a homepage
 * that is an absolute http or https address of at most 255.
 */
public record ProfileSettings(String description, String homepage, boolean hideFollows, boolean hideProfile) {

	static final int MAX_DESCRIPTION = 1000;
	static final int MAX_HOMEPAGE = 255;

	/** The settings as they are kept: cleaned like review text, blanks as null. */
	static ProfileSettings of(String description, String homepage, boolean hideFollows, boolean hideProfile) {
		return new ProfileSettings(blankToNull(ReviewText.clean(description)), blankToNull(ReviewText.clean(homepage)),
				hideFollows, hideProfile);
	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
			problems.add("description-long");
		}
		if (homepage != null && !WebAddresses.isWebAddress(homepage, MAX_HOMEPAGE)) {
			problems.add("homepage");
		}
		return problems;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
