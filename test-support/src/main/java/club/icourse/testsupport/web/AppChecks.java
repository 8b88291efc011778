package club.icourse.testsupport.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.annotation.Value;

/**
 * The app under test, on the port its Spring Boot test gave it: what every shared check
 * starts from.
 */
public abstract class AppChecks {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	protected int port() {
		return this.port;
	}

	/**
	 * The host name pages are opened at; a browser keeps an app's cookies for one name,
	 * so an app whose tests sign in at another overrides it.
	 */
	protected String host() {
		return "127.0.0.1";
	}

	protected String url(String path) {
		return "http://" + host() + ":" + this.port + path;
	}

	protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(HttpRequest.newBuilder(URI.create(url(path))));
	}

	protected HttpResponse<String> get(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
