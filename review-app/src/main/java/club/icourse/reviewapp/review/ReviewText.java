package club.icourse.reviewapp.review;

import club.icourse.reviewapp.mention.MentionSyntax;
import club.icourse.reviewapp.mention.Mentions;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Review Markdown to HTML that is safe to show: rendered by commonmark (raw HTML escaped,
 * not passed through), then sanitized by an allow-list (OWASP): no scripts, styles, event
 * handlers or non-http(s) links, and no invisible or bidirectional control characters,
 * which can make text read differently from what it is.
 */
public final class ReviewText {

	/**
	 * Zero-width and bidi controls, and other invisible format characters (Unicode
	 * category Cf), except ZWJ in emoji.
	 */
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}&&[^\\u200D]]");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(List.of(TablesExtension.create()))
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "h1",
				"h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a")
		.allowAttributes("href")
		.onElements("a")
		.allowAttributes("start")
		.onElements("ol")
		.allowStandardUrlProtocols()
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.toFactory();

	private ReviewText() {
	}

	/**
	 * The text as it is kept: line endings unified, control and invisible characters
	 * removed, trimmed.
	 */
	public static String clean(String markdown) {
		String text = markdown == null ? "" : markdown.replace("\r\n", "\n").replace('\r', '\n');
		text = INVISIBLE.matcher(text).replaceAll("");
		return CONTROL.matcher(text).replaceAll("").strip();
	}

	public static String toHtml(String markdown) {
		return toHtml(markdown, name -> false);
	}

	/**
	 * The HTML, with {@code @username} mentions of names {@code known} accepts (in lower
	 * case) linked to profiles.
	 */
	public static String toHtml(String markdown, Predicate<String> known) {
		Node document = PARSER.parse(clean(markdown));
		document.accept(new MentionLinker(known));
		return POLICY.sanitize(RENDERER.render(document));
	}

	private static final class MentionLinker extends AbstractVisitor {

		private final Predicate<String> known;

		MentionLinker(Predicate<String> known) {
			this.known = known;
		}

		@Override
		public void visit(Link link) {
			// Text already inside a link stays as it is.
		}

		@Override
		public void visit(Text text) {
			String literal = text.getLiteral();
			int from = 0;
			for (MentionSyntax.Span span : MentionSyntax.spans(literal, known)) {
				if (span.start() > from) {
					text.insertBefore(new Text(literal.substring(from, span.start())));
				}
				Link link = new Link(Mentions.profilePath(span.username()), null);
				link.appendChild(new Text("@" + span.username()));
				text.insertBefore(link);
				from = span.end();
			}
			if (from > 0) {
				if (from < literal.length()) {
					text.insertBefore(new Text(literal.substring(from)));
				}
				text.unlink();
			}
		}

	}

}
