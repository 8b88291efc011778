package club.icourse.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Steady traffic for a while: each worker repeats its step as fast as answers come, and
 * every step that did not get a good answer is written down. Workers are visitors reading
 * pages or anything else that can be written as a step.
 */
final class Load implements AutoCloseable {

	/**
	 * One request (or a short sequence); throws or returns a failure description when the
	 * answer was not good.
	 */
	@FunctionalInterface
	interface Step {

		String run(int iteration) throws Exception;

	}

	/** Thrown by a step that has nothing more to do: its worker ends. */
	static final class Done extends RuntimeException {

		Done() {
			super(null, null, false, false);
		}

	}

	private final List<Thread> workers = new ArrayList<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private volatile boolean stopping;

	private int completed;

	/**
	 * A worker that reads the given addresses in turn; any answer but 200 is a failure.
	 */
	static Step reading(List<String> urls) {
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		return iteration -> {
			String url = urls.get(iteration % urls.size());
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Accept-Language", "en")
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200 ? null : "GET " + url + " -> " + response.statusCode();
		};
	}

	void start(String name, Step step) {
		workers.add(Thread.ofPlatform().name("load-" + name).start(() -> {
			for (int iteration = 0; !stopping; iteration++) {
				String failure;
				try {
					failure = step.run(iteration);
				}
				catch (Done done) {
					return;
				}
				catch (Exception e) {
					failure = name + " #" + iteration + ": " + e;
				}
				if (failure != null) {
					failures.add(failure);
				}
				synchronized (this) {
					completed++;
					notifyAll();
				}
			}
		}));
	}

	synchronized int completed() {
		return completed;
	}

	/** Waits until the workers have completed this many steps in all. */
	synchronized void awaitCompleted(int steps, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (completed < steps) {
			long left = Duration.between(Instant.now(), deadline).toMillis();
			if (left <= 0) {
				throw new AssertionError("Only " + completed + " of " + steps + " steps completed within " + timeout);
			}
			wait(left);
		}
	}

	List<String> failures() {
		return List.copyOf(failures);
	}

	/** Waits until every worker's step has said it is done. */
	void awaitDone(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		for (Thread worker : workers) {
			if (!worker.join(Duration.ofMillis(Math.max(1, Duration.between(Instant.now(), deadline).toMillis())))) {
				throw new AssertionError(worker.getName() + " did not finish within " + timeout);
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		stopping = true;
		for (Thread worker : workers) {
			worker.join();
		}
	}

}
