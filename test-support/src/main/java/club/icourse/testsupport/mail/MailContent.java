package club.icourse.testsupport.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable parts of a received mail: its plain text, its HTML and the links in them.
 */
public record MailContent(String subject, String text, String html) {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	public static MailContent of(Part message) {
		try {
			String subject = message instanceof Message mail ? mail.getSubject() : "";
			return new MailContent(subject == null ? "" : subject, firstPart(message, "text/plain").orElse(""),
					firstPart(message, "text/html").orElse(""));
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("Unreadable mail", e);
		}
	}

	private static Optional<String> firstPart(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			return Optional.of(part.getContent().toString());
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Optional<String> found = firstPart(child, mimeType);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** The links of the plain-text part, in order. */
	public List<String> links() {
		List<String> links = new ArrayList<>();
		Matcher matcher = LINK.matcher(text);
		while (matcher.find()) {
			links.add(matcher.group());
		}
		return links;
	}
}
