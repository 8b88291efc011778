package club.icourse.auth;

import club.icourse.testsupport.mail.MailContent;
import club.icourse.testsupport.mail.TestMailServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mail as a person receives it, from the run's real SMTP server, and fresh addresses to
 * receive it at.
 */
public final class Mailbox {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

	private Mailbox() {
	}

	/** A student address nobody has used in this run. */
	public static String newStudentAddress() {
		return "s" + RUN + "x" + SEQUENCE.incrementAndGet() + "@mail.ustc.edu.cn";
	}

	/** A username nobody has used in this run. */
	public static String newUsername() {
		return "u" + RUN + "x" + SEQUENCE.incrementAndGet();
	}

	/** The {@code number}-th mail (from 1) to the address, once it has arrived. */
	public static MailContent awaitMail(String address, int number) {
		return MailContent.of(TestMailServer.shared().awaitMessagesTo(address, number, PATIENCE).get(number - 1));
	}

	public static List<MailContent> mailsTo(String address) {
		return TestMailServer.shared().messagesTo(address).stream().map(MailContent::of).toList();
	}

}
