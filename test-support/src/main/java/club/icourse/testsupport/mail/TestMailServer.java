package club.icourse.testsupport.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once and shared by every test
 * of the run. It accepts any sender, recipient and credentials, and keeps what it
 * receives in memory.
 */
public final class TestMailServer {

	private static TestMailServer shared;

	private final int port;

	private GreenMail greenMail;

	private TestMailServer(int port) {
		this.port = port;
	}

	public static synchronized TestMailServer shared() {
		if (shared == null) {
			GreenMail started = startOn(0);
			shared = new TestMailServer(started.getSmtp().getPort());
			shared.greenMail = started;
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-mail-server"));
		}
		return shared;
	}

	static GreenMail startOn(int port) {
		ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup)
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		server.start();
		return server;
	}

	public String host() {
		return "127.0.0.1";
	}

	public int port() {
		return port;
	}

	public synchronized boolean isRunning() {
		return greenMail.isRunning();
	}

	/**
	 * Stops accepting connections, as a mail server that is down would; {@link #start()}
	 * brings it back on the same port.
	 */
	public synchronized void stop() {
		greenMail.stop();
	}

	public synchronized void start() {
		if (!greenMail.isRunning()) {
			greenMail = startOn(port);
		}
	}

	public synchronized List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter(message -> isAddressedTo(message, address))
			.toList();
	}

	/**
	 * Waits until a message to {@code address} has arrived, and returns the first one.
	 */
	public MimeMessage awaitMessageTo(String address, Duration timeout) {
		return awaitMessagesTo(address, 1, timeout).getFirst();
	}

	/**
	 * Waits until {@code count} messages to {@code address} have arrived, blocking on the
	 * server's own notification rather than polling on a timer, and returns them in
	 * arrival order.
	 */
	public List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<MimeMessage> found;
			int seen;
			GreenMail current;
			synchronized (this) {
				found = messagesTo(address);
				current = greenMail;
				seen = current.getReceivedMessages().length;
			}
			if (found.size() >= count) {
				return found;
			}
			long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
			if (remainingMillis <= 0) {
				throw new AssertionError(
						"Only " + found.size() + " of " + count + " mails to " + address + " within " + timeout);
			}
			current.waitForIncomingEmail(remainingMillis, seen + 1);
		}
	}

	public synchronized void purge() {
		try {
			greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean isAddressedTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch(recipient -> recipient.toString()
					.toLowerCase(Locale.ROOT)
					.contains(address.toLowerCase(Locale.ROOT)));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
