package club.icourse.mail;

import club.icourse.testsupport.mail.MailContent;
import club.icourse.testsupport.mail.TestMailServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh recipients, and what the run's SMTP server received for them. */
final class Recipients {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private Recipients() {
	}

	/** An address nobody has used in this run. */
	static String newAddress() {
		return "outbox" + ProcessHandle.current().pid() + "x" + SEQUENCE.incrementAndGet() + "@example.edu";
	}

	static List<MailContent> mailsTo(String address) {
		return TestMailServer.shared().messagesTo(address).stream().map(MailContent::of).toList();
	}

}
