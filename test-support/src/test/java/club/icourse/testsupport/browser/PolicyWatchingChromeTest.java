package club.icourse.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The watcher sees what the policy refuses, and nothing on a page that keeps to it. */
class PolicyWatchingChromeTest {

	private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";

	private static HttpServer server;

	@BeforeAll
	static void serve() throws IOException {
		if (!PolicyWatchingChrome.installed()) {
			assertThat(System.getenv("CI")).as("CI installs chromium and chromium-driver (.ci/run)")
				.isNotEqualTo("true");
			Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver");
		}
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		page("/clean", "<p>nothing inline</p><script src=\"/ok.js\"></script>");
		page("/dirty", "<p style=\"color: red\" onclick=\"go()\">x</p><script>document.title = 'ran';</script>");
		server.createContext("/ok.js", exchange -> {
			byte[] body = "document.body.dataset.ok = 'yes';".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/javascript");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void reportsInlineScriptAndStyleAndNothingOnACleanPage() {
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		try (PolicyWatchingChrome chrome = PolicyWatchingChrome.start()) {
			assertThat(chrome.open(base + "/clean")).isEmpty();

			List<String> violations = chrome.open(base + "/dirty");
			assertThat(violations).anyMatch(violation -> violation.startsWith("script-src-elem refused inline"))
				.anyMatch(violation -> violation.startsWith("style-src-attr refused inline"));
			assertThat(chrome.driver().getTitle()).isNotEqualTo("ran");
		}
	}

	private static void page(String path, String body) {
		server.createContext(path, exchange -> {
			byte[] html = ("<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
			exchange.sendResponseHeaders(200, html.length);
			exchange.getResponseBody().write(html);
			exchange.close();
		});
	}

}
