package club.icourse.testsupport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TestMailServerTest {

	private final TestMailServer server = TestMailServer.shared();

	@Test
	void receivesMultipartMailOverSmtpAndReadsItsLinks() throws MessagingException {
		send("zhangsan@mail.ustc.edu.cn", "确认邮箱", "打开 https://id.example/confirm?token=abc 完成注册");

		MailContent content = MailContent
			.of(server.awaitMessageTo("zhangsan@mail.ustc.edu.cn", Duration.ofSeconds(10)));

		assertThat(content.subject()).isEqualTo("确认邮箱");
		assertThat(content.links()).containsExactly("https://id.example/confirm?token=abc");
		assertThat(content.html()).contains("<p>");
	}

	@Test
	void refusesConnectionsWhileStoppedAndAcceptsThemAgainOnTheSamePort() throws MessagingException {
		int port = server.port();
		server.stop();
		try {
			assertThatThrownBy(() -> send("down@mail.ustc.edu.cn", "x", "y")).isInstanceOf(MessagingException.class);
		}
		finally {
			server.start();
		}
		assertThat(server.port()).isEqualTo(port);
		send("up@mail.ustc.edu.cn", "back", "again");
		assertThat(server.awaitMessageTo("up@mail.ustc.edu.cn", Duration.ofSeconds(10))).isNotNull();
	}

	private void send(String to, String subject, String text) throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", server.host());
		properties.put("mail.smtp.port", String.valueOf(server.port()));
		properties.put("mail.smtp.connectiontimeout", "2000");
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("noreply@icourse.test"));
		message.setRecipients(MimeMessage.RecipientType.TO, to);
		message.setSubject(subject, "UTF-8");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
		message.setContent(new MimeMultipart("alternative", plain, html));
		Transport.send(message);
	}

}
