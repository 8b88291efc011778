package club.icourse.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * auth-server serving TLS on its own, configured as an operator would (profile
 * {@code tls}, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD): the issuer and every endpoint in
 * discovery are https.
 */
@AuthServerTest
@ActiveProfiles("tls")
class HttpsIssuerTest {

	private static final String PASSWORD = "test-keystore-secret";

	private static Path keyStore;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		registry.add("TLS_KEYSTORE", () -> keyStore().toUri().toString());
		registry.add("TLS_KEYSTORE_PASSWORD", () -> PASSWORD);
	}

	@Test
	void discoveryNamesOnlyHttpsAddresses() throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(trusting(keyStore())).build();
		HttpResponse<String> discovery = client
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/.well-known/openid-configuration"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(discovery.statusCode()).isEqualTo(200);
		Map<String, Object> metadata = JSONObjectUtils.parse(discovery.body());
		assertThat(metadata.get("issuer")).isEqualTo("https://localhost:" + port);
		assertThat(metadata).containsKeys("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint",
				"end_session_endpoint");
		metadata.forEach((name, value) -> {
			if (value instanceof String text && text.contains("://")) {
				assertThat(text).as(name).matches("https://localhost:" + port + "(/.*)?");
			}
		});
	}

	/** A self-signed key and certificate for this run, made with the JDK's keytool. */
	private static synchronized Path keyStore() {
		if (keyStore == null) {
			try {
				Path directory = Files.createTempDirectory("auth-tls");
				Path file = directory.resolve("server.p12");
				Process keytool = new ProcessBuilder(
						Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias",
						"server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
						"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
						"-storepass", PASSWORD, "-keypass", PASSWORD)
					.redirectErrorStream(true)
					.start();
				String output = new String(keytool.getInputStream().readAllBytes());
				assertThat(keytool.waitFor()).as(output).isZero();
				keyStore = file;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		return keyStore;
	}

	private static SSLContext trusting(Path file) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
