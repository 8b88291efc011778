package club.icourse.reviewapp.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 document (RFC 4287), written with a streaming XML writer so that every text
 * is escaped.
 */
public final class AtomFeed {

	public static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";

	/**
	 * One entry; {@code author} may be null (an anonymous review), {@code html} is
	 * already sanitized HTML or null.
	 */
	public record Entry(String id, String title, String link, String author, Instant updated, String html,
			String text) {
	}

	private final String id;

	private final String title;

	private final String link;

	private final List<Entry> entries = new ArrayList<>();

	public AtomFeed(String id, String title, String link) {
		this.id = id;
		this.title = title;
		this.link = link;
	}

	public AtomFeed add(Entry entry) {
		entries.add(entry);
		return this;
	}

	public String toXml() {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
			element(xml, "id", id);
			element(xml, "title", title);
			link(xml, link);
			element(xml, "updated",
					format(entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH)));
			for (Entry entry : entries) {
				xml.writeStartElement("entry");
				element(xml, "id", entry.id());
				element(xml, "title", entry.title());
				link(xml, entry.link());
				element(xml, "updated", format(entry.updated()));
				xml.writeStartElement("author");
				element(xml, "name", entry.author() == null ? "-" : entry.author());
				xml.writeEndElement();
				xml.writeStartElement("content");
				xml.writeAttribute("type", entry.html() != null ? "html" : "text");
				xml.writeCharacters(entry.html() != null ? entry.html() : entry.text() == null ? "" : entry.text());
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException(e);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("href", href);
	}

	private static String format(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

}
