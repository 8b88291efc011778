package club.icourse.localrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One app of the product, run from its jar in its own JVM, as production runs it, with
 * its output prefixed.
 */
final class AppProcess {

	private final String name;

	private final Path jar;

	private final int port;

	private final Map<String, String> environment;

	private final Process process;

	private AppProcess(String name, Path jar, int port, Map<String, String> environment, Process process) {
		this.name = name;
		this.jar = jar;
		this.port = port;
		this.environment = environment;
		this.process = process;
	}

	static AppProcess start(String name, Path jar, int port, Map<String, String> environment) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": build it first (./mvnw -Plocal builds everything).");
		}
		if (!Ports.isFree(port)) {
			throw new IllegalStateException(
					"Port " + port + " is taken; " + name + " needs it. Stop what uses it and retry.");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("PORT", String.valueOf(port));
		try {
			AppProcess app = new AppProcess(name, jar, port, Map.copyOf(environment), builder.start());
			app.copyOutputWithPrefix();
			return app;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start " + name, e);
		}
	}

	private void copyOutputWithPrefix() {
		Thread.ofPlatform().daemon().name(name + "-output").start(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					System.out.println("[" + name + "] " + line);
				}
			}
			catch (IOException e) {
				System.out.println("[" + name + "] output closed: " + e.getMessage());
			}
		});
	}

	/**
	 * Waits until the app reports itself healthy, or fails when it exits or takes longer
	 * than the timeout.
	 */
	void awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						name + " stopped with exit code " + process.exitValue() + "; see its output above.");
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// The app is still starting.
			}
			process.waitFor(500, TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException(name + " did not become healthy within " + timeout);
	}

	int port() {
		return port;
	}

	/** Sends SIGTERM and returns at once; the app shuts down gracefully. */
	void signalStop() {
		process.destroy();
	}

	/** Whether the process ends within the given time. */
	boolean exitsWithin(Duration time) throws InterruptedException {
		return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
	}

	String url() {
		// 127.0.0.1 rather than localhost: OAuth 2.1 providers refuse "localhost" in
		// redirect URIs.
		return "http://127.0.0.1:" + port;
	}

	/**
	 * The same app started again, on the same port with the same settings (once this one
	 * has stopped).
	 */
	AppProcess startAgain() {
		return start(name, jar, port, environment);
	}

	/**
	 * Kills the app at once (SIGKILL), as a power cut or the kernel's OOM killer would:
	 * no shutdown code runs.
	 */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/**
	 * Asks the app to shut down gracefully (SIGTERM), and kills it if it does not within
	 * the grace period.
	 */
	void stop(Duration grace) {
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
