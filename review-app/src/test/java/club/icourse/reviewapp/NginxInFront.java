package club.icourse.reviewapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production balancer in front of the app under test: nginx with docker/'s own
 * configuration ({@code docker/nginx/icourse.conf.template}, its page cache included),
 * changed only as {@code docker/check.sh} changes it to run outside Docker (upstreams at
 * 127.0.0.1, a private cache folder, no Docker DNS). Visitors are served this way in
 * production, so this is how their pages are measured (the page benchmark) and how the
 * shared cache is shown to keep nothing personal (SharedCacheTest).
 */
public final class NginxInFront implements AutoCloseable {

	public static final String NGINX = System.getProperty("page.benchmark.nginx", "/usr/sbin/nginx");

	public static final String REVIEW_HOST = "review.bench";

	private static final Path TEMPLATE = Path.of("..", "docker", "nginx", "icourse.conf.template");

	private final Path folder;

	private final int port;

	private NginxInFront(Path folder, int port) {
		this.folder = folder;
		this.port = port;
	}

	public static boolean available() {
		return Files.isExecutable(Path.of(NGINX));
	}

	/** Starts nginx on a free port in front of the app at the given port. */
	public static NginxInFront start(int appPort) throws IOException, InterruptedException {
		Files.createDirectories(Path.of("target"));
		Path folder = Files.createTempDirectory(Path.of("target"), "bench-nginx").toAbsolutePath();
		for (String sub : List.of("conf.d", "cache", "logs")) {
			Files.createDirectories(folder.resolve(sub));
		}
		int port = freePort();
		String site = Files.readString(TEMPLATE)
			.replace("${REVIEW_HOST}", REVIEW_HOST)
			.replace("${AUTH_HOST}", "auth.bench")
			.replaceAll("review-\\d+:8080", "127.0.0.1:" + appPort)
			// auth-server does not run here: its site is never asked.
			.replaceAll("auth-\\d+:9000", "127.0.0.1:9")
			.replace("listen 80 default_server;", "listen 127.0.0.1:" + port + " default_server;")
			.replace("listen 80;", "listen 127.0.0.1:" + port + ";")
			.replace("/var/cache/nginx/", folder.resolve("cache") + "/")
			// Docker's DNS is not here, and "resolve" needs nginx 1.27.3.
			.replace(" resolve;", ";")
			.replaceAll("(?m)^resolver .*$", "");
		Files.writeString(folder.resolve("conf.d/icourse.conf"), site);
		// The official image's main configuration (workers per core), with this run's
		// folders; run as root, the workers must be root to write into them.
		String main = ("root".equals(System.getProperty("user.name")) ? "user root;\n" : "") + """
				worker_processes auto;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log;
				events { worker_connections 1024; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/cache/client;
				    proxy_temp_path %1$s/cache/proxy;
				    include %1$s/conf.d/*.conf;
				}
				""".formatted(folder);
		Files.writeString(folder.resolve("nginx.conf"), main);
		run(NGINX, "-p", folder.toString(), "-c", folder.resolve("nginx.conf").toString());
		return new NginxInFront(folder, port);
	}

	public String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** What nginx's page cache did with one request for the path (X-Cache-Status). */
	public String cacheStatus(String path) throws IOException, InterruptedException {
		String headers = run("curl", "-s", "-o", "/dev/null", "-D", "-", "-H", "Host: " + REVIEW_HOST, "-H",
				"Accept-Language: zh-CN", base() + path);
		Matcher status = Pattern.compile("(?im)^X-Cache-Status: *(\\S+)").matcher(headers);
		return status.find() ? status.group(1) : "none";
	}

	@Override
	public void close() throws IOException, InterruptedException {
		run(NGINX, "-p", this.folder.toString(), "-c", this.folder.resolve("nginx.conf").toString(), "-s", "stop");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
