package club.icourse.localrun;

import club.icourse.testsupport.mail.MailContent;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catches every mail the apps send, on a local SMTP port, and shows them to the person
 * trying the product: each one is printed to the console with its links, and listed on a
 * small web page.
 */
final class MailCatcher implements AutoCloseable {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	private final GreenMail smtp;

	private final HttpServer web;

	private MailCatcher(GreenMail smtp, HttpServer web) {
		this.smtp = smtp;
		this.web = web;
	}

	static MailCatcher start(int smtpPort, int webPort) {
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		smtp.start();
		try {
			HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort), 0);
			MailCatcher catcher = new MailCatcher(smtp, web);
			web.createContext("/", catcher::showMails);
			web.start();
			catcher.printArrivingMails();
			return catcher;
		}
		catch (IOException e) {
			smtp.stop();
			throw new UncheckedIOException("Could not open the mail catcher page on port " + webPort, e);
		}
	}

	int smtpPort() {
		return smtp.getSmtp().getPort();
	}

	String pageUrl() {
		return "http://localhost:" + web.getAddress().getPort();
	}

	private void printArrivingMails() {
		Thread.ofPlatform().daemon().name("mail-catcher-console").start(() -> {
			int printed = 0;
			while (smtp.isRunning()) {
				// Blocks until one more mail has arrived (or a minute passed), then
				// prints every new one.
				smtp.waitForIncomingEmail(60_000, printed + 1);
				MimeMessage[] received = smtp.getReceivedMessages();
				for (; printed < received.length; printed++) {
					System.out.println(consoleView(received[printed]));
				}
			}
		});
	}

	private static String consoleView(MimeMessage message) {
		MailContent content = MailContent.of(message);
		StringBuilder view = new StringBuilder("\n[mail] to ").append(recipients(message))
			.append(": ")
			.append(content.subject())
			.append('\n');
		content.links().forEach(link -> view.append("[mail]   ").append(link).append('\n'));
		return view.toString();
	}

	private void showMails(HttpExchange exchange) throws IOException {
		List<MimeMessage> newestFirst = Arrays.asList(smtp.getReceivedMessages()).reversed();
		StringBuilder page = new StringBuilder("""
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>Mail catcher</title>
				<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
				article{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0}
				pre{white-space:pre-wrap}</style></head><body>
				<h1>Mail catcher</h1><p>Every mail the local product sent, newest first.</p>
				""");
		if (newestFirst.isEmpty()) {
			page.append("<p>No mail yet.</p>");
		}
		for (MimeMessage message : newestFirst) {
			MailContent content = MailContent.of(message);
			page.append("<article><h2>")
				.append(escape(content.subject()))
				.append("</h2><p>To: ")
				.append(escape(recipients(message)))
				.append("</p><pre>")
				.append(linked(escape(content.text())))
				.append("</pre></article>");
		}
		page.append("</body></html>");
		byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return message.getAllRecipients() == null ? ""
					: String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
		}
		catch (MessagingException e) {
			return "?";
		}
	}

	private static String linked(String escapedText) {
		Matcher matcher = LINK.matcher(escapedText);
		return matcher.replaceAll(found -> "<a href=\"" + found.group() + "\">" + found.group() + "</a>");
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	@Override
	public void close() {
		web.stop(0);
		smtp.stop();
	}

}
