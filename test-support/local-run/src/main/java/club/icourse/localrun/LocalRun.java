package club.icourse.localrun;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole product on this machine until Ctrl-C: embedded MariaDB (data kept in
 * {@code .local/}), a mail catcher and both apps, each from its own jar. Started by
 * {@code ./mvnw -Plocal}.
 */
public final class LocalRun {

	private LocalRun() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path root = Path.of(System.getProperty("icourse.root", ".")).toAbsolutePath().normalize();
		LocalProduct.Settings settings = new LocalProduct.Settings(root.resolve(".local"), jar("icourse.authJar"),
				jar("icourse.reviewJar"), 9000, 8080);
		CountDownLatch stopped = new CountDownLatch(1);
		LocalProduct product = LocalProduct.start(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\nStopping iCourse...");
			product.close();
			stopped.countDown();
		}, "stop-local-run"));
		System.out.println(product.banner());
		stopped.await();
	}

	private static Path jar(String property) {
		String path = System.getProperty(property);
		if (path == null) {
			throw new IllegalStateException("Start the local run with ./mvnw -Plocal from the project root.");
		}
		return Path.of(path).toAbsolutePath().normalize();
	}

}
