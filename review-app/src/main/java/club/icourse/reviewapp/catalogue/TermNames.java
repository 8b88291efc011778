package club.icourse.reviewapp.catalogue;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A term as people say it in the page's language ("Spring 2025", "2025 春季学期"), for
 * templates: {@code ${@termNames.label(code)}}. The stored code (2025-spring) stays the
 * value of links and forms.
 */
@Component
public class TermNames {

	private final MessageSource messages;

	TermNames(MessageSource messages) {
		this.messages = messages;
	}

	/** The term's name, or the text itself when it is not a term. */
	public String label(String code) {
		return Term.parse(code)
			.map(term -> messages.getMessage("term." + term.season().label(),
					new Object[] { String.valueOf(term.year()) }, LocaleContextHolder.getLocale()))
			.orElse(code);
	}

}
