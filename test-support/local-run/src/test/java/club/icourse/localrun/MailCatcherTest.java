package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailCatcherTest {

	@Test
	void listsReceivedMailsWithClickableLinksAndEscapedText() throws Exception {
		try (MailCatcher catcher = MailCatcher.start(Ports.free(), Ports.free())) {
			Properties properties = new Properties();
			properties.put("mail.smtp.host", "127.0.0.1");
			properties.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
			MimeMessage message = new MimeMessage(Session.getInstance(properties));
			message.setFrom(new InternetAddress("noreply@icourse.test"));
			message.setRecipients(MimeMessage.RecipientType.TO, "lisi@mail.ustc.edu.cn");
			message.setSubject("重置密码", "UTF-8");
			message.setText("<script>x</script> http://localhost:9000/reset?token=abc", "UTF-8");
			Transport.send(message);

			String page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(catcher.pageUrl())).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();

			assertThat(page).contains("重置密码", "lisi@mail.ustc.edu.cn",
					"<a href=\"http://localhost:9000/reset?token=abc\">", "&lt;script&gt;");
			assertThat(page).doesNotContain("<script>x");
		}
	}

}
