package club.icourse.localrun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * A stand-in for the balancer: every request goes to the next instance in turn, with the X-Forwarded-* headers nginx
 * sets, so that one browser's consecutive requests land on different instances.
 */
final class RoundRobinProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpServer server;
    private final List<String> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicIntegerArray served;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private RoundRobinProxy(HttpServer server, List<String> backends) {
        this.server = server;
        this.backends = backends;
        this.served = new AtomicIntegerArray(backends.size());
    }

    static RoundRobinProxy start(int port, List<String> backends) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        RoundRobinProxy proxy = new RoundRobinProxy(server, backends);
        server.createContext("/", proxy::forward);
        server.setExecutor(Executors.newFixedThreadPool(8));
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
            int instance = Math.floorMod(next.getAndIncrement(), backends.size());
            served.incrementAndGet(instance);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backends.get(instance) + exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            int port = server.getAddress().getPort();
            request.header("X-Forwarded-Host", "127.0.0.1:" + port)
                    .header("X-Forwarded-Port", String.valueOf(port))
                    .header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
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

    @Override
    public void close() {
        server.stop(0);
    }
}
