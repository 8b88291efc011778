package club.icourse.localrun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A stand-in for the balancer: every request goes to the next instance in turn, with the
 * X-Forwarded-* headers nginx sets, so that one browser's consecutive requests land on
 * different instances. Like nginx with
 * {@code proxy_next_upstream error timeout http_502 http_503 http_504} (docker/nginx), a
 * request that could not reach an instance goes to the other one, and so does a GET that
 * failed there; a POST that reached an instance is never sent twice.
 */
final class RoundRobinProxy implements AutoCloseable {

	private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS");

	private static final Set<Integer> NEXT_UPSTREAM_STATUS = Set.of(502, 503, 504);

	private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
			"keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

	private final HttpServer server;

	private final List<String> backends;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicIntegerArray served;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private RoundRobinProxy(HttpServer server, List<String> backends) {
		this.server = server;
		this.backends = backends;
		this.served = new AtomicIntegerArray(backends.size());
	}

	static RoundRobinProxy start(int port, List<String> backends) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
		RoundRobinProxy proxy = new RoundRobinProxy(server, backends);
		server.createContext("/", proxy::forward);
		server.setExecutor(Executors.newFixedThreadPool(16));
		server.start();
		return proxy;
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** How many requests each instance served. */
	int served(int instance) {
		return served.get(instance);
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			boolean idempotent = IDEMPOTENT.contains(exchange.getRequestMethod());
			int first = next.getAndIncrement();
			HttpResponse<byte[]> response = null;
			for (int attempt = 0; attempt < backends.size() && response == null; attempt++) {
				int instance = Math.floorMod(first + attempt, backends.size());
				boolean lastTry = attempt == backends.size() - 1;
				try {
					HttpResponse<byte[]> answer = http.send(request(exchange, backends.get(instance), body),
							HttpResponse.BodyHandlers.ofByteArray());
					if (idempotent && !lastTry && NEXT_UPSTREAM_STATUS.contains(answer.statusCode())) {
						continue;
					}
					served.incrementAndGet(instance);
					response = answer;
				}
				catch (ConnectException notReached) {
					// Nothing was sent: safe to try the other instance with any method.
				}
				catch (IOException failed) {
					if (!idempotent) {
						break;
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			if (response == null) {
				exchange.sendResponseHeaders(502, -1);
				return;
			}
			response.headers().map().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			byte[] answer = response.body();
			exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
			if (answer.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			}
		}
	}

	private HttpRequest request(HttpExchange exchange, String backend, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + exchange.getRequestURI().toString()))
			.timeout(Duration.ofSeconds(60))
			.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
					&& !name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")) {
				values.forEach(value -> request.header(name, value));
			}
		});
		int port = server.getAddress().getPort();
		String peer = exchange.getRemoteAddress().getAddress().getHostAddress();
		// As nginx's $proxy_add_x_forwarded_for: what the client sent, then the address
		// it came from.
		String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
		return request.header("X-Forwarded-Host", "127.0.0.1:" + port)
			.header("X-Forwarded-Port", String.valueOf(port))
			.header("X-Forwarded-Proto", "http")
			.header("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer)
			.build();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
