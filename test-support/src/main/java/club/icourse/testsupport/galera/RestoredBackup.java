package club.icourse.testsupport.galera;

import club.icourse.testsupport.mariadb.MariaDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A prepared mariadb-backup copy of a Galera node: the cluster position it matches, and a
 * standalone server started on it (replication off), as a restore would start before the
 * node joins a cluster again.
 */
public final class RestoredBackup implements AutoCloseable {

	private final Path directory;

	private Process server;

	RestoredBackup(Path directory) {
		this.directory = directory;
	}

	/**
	 * The cluster's state UUID and sequence number the copy matches ("uuid:seqno"): what
	 * a node restored from it asks the cluster for the rest from. MariaDB 10.11 writes it
	 * to xtrabackup_galera_info, 11.x to mariadb_backup_galera_info.
	 */
	public String galeraPosition() throws IOException {
		Path info = directory.resolve("mariadb_backup_galera_info");
		return Files.readString(Files.exists(info) ? info : directory.resolve("xtrabackup_galera_info")).trim();
	}

	/** Starts a standalone mariadbd on the copy and waits until it answers. */
	public MariaDbServer start() throws InterruptedException {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<String> command = new ArrayList<>(List.of(GaleraNode.MARIADBD.toString(), "--no-defaults",
				"--datadir=" + directory, "--port=" + port, "--bind-address=127.0.0.1",
				"--socket=" + directory.resolve("restored.sock"), "--pid-file=" + directory.resolve("restored.pid"),
				"--log-error=" + directory.resolve("restored.log"), "--wsrep-on=OFF", "--innodb-buffer-pool-size=32M"));
		command.addAll(GaleraNode.userArgument());
		MariaDbServer restored = new MariaDbServer("127.0.0.1", port, "root", "", "restored backup " + directory);
		try {
			GaleraNode.ownFiles(directory);
			server = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve("restored-console.log").toFile())
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			try (Connection connection = restored.connect()) {
				return restored;
			}
			catch (SQLException notYet) {
				if (!server.isAlive() || Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("The restored backup did not start: " + log(), notYet);
				}
				Thread.sleep(250);
			}
		}
	}

	private String log() {
		try {
			Path log = directory.resolve("restored.log");
			return Files.exists(log) ? Files.readString(log) : "(no log)";
		}
		catch (IOException e) {
			return e.toString();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (server != null && server.isAlive()) {
			server.destroy();
			if (!server.waitFor(60, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

}
