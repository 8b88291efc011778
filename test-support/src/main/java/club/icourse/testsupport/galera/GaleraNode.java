package club.icourse.testsupport.galera;

import club.icourse.testsupport.mariadb.MariaDbServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One mariadbd of a {@link GaleraCluster}, run from Debian's mariadb-server with the
 * galera-4 provider, its files under its own directory and its ports on 127.0.0.1.
 */
public final class GaleraNode {

	static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

	static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

	static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");

	static final Path BACKUP = Path.of("/usr/bin/mariadb-backup");

	private static final String SERVICE_USER = "mysql";

	private static final Pattern RECOVERED = Pattern.compile("WSREP: Recovered position: ([0-9a-f-]{36}:-?\\d+)");

	/**
	 * @param sql where clients connect
	 * @param gcomm group communication between the nodes
	 * @param ist incremental state transfer to this node
	 * @param sst full state transfer (rsync) to this node
	 */
	public record Ports(int sql, int gcomm, int ist, int sst) {
	}

	private final int number;

	private final Path directory;

	private final Ports ports;

	private Process process;

	GaleraNode(int number, Path directory, Ports ports) {
		this.number = number;
		this.directory = directory;
		this.ports = ports;
	}

	/** Writes the node's configuration, naming every node of the cluster as a peer. */
	void configure(List<Ports> everyNode) {
		StringBuilder peers = new StringBuilder();
		for (Ports peer : everyNode) {
			peers.append(peers.isEmpty() ? "" : ",").append("127.0.0.1:").append(peer.gcomm());
		}
		try (InputStream template = GaleraNode.class.getResourceAsStream("node.cnf")) {
			String config = new String(template.readAllBytes(), StandardCharsets.UTF_8)
				.replace("@DIR@", directory.toAbsolutePath().toString())
				.replace("@NUMBER@", String.valueOf(number))
				.replace("@PEERS@", peers)
				.replace("@SQL_PORT@", String.valueOf(ports.sql()))
				.replace("@GCOMM_PORT@", String.valueOf(ports.gcomm()))
				.replace("@IST_PORT@", String.valueOf(ports.ist()))
				.replace("@SST_PORT@", String.valueOf(ports.sst()));
			Files.createDirectories(directory.resolve("data"));
			Files.createDirectories(directory.resolve("tmp"));
			Files.writeString(config(), config);
			ownFiles();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not configure Galera node " + number, e);
		}
	}

	/**
	 * Creates the system tables: only the node that bootstraps the cluster needs them,
	 * the others receive everything by state transfer.
	 */
	void initialize() throws InterruptedException {
		List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--defaults-file=" + config(),
				"--auth-root-authentication-method=normal", "--skip-test-db"));
		command.addAll(userArgument());
		run(command, "install-db.log");
	}

	/**
	 * Starts mariadbd and returns at once.
	 * @param newCluster whether this node bootstraps a new cluster (the first node, or
	 * the most advanced after a full stop)
	 * @param startPosition the recovered position after a crash, or null
	 */
	void start(boolean newCluster, String startPosition) {
		List<String> command = mariadbd();
		if (newCluster) {
			command.add("--wsrep-new-cluster");
		}
		if (startPosition != null) {
			command.add("--wsrep-start-position=" + startPosition);
		}
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("console.log").toFile()))
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start Galera node " + number, e);
		}
	}

	/**
	 * After a crash the node's saved state says only that it did not stop cleanly; its
	 * last committed position is in InnoDB. Reading it lets the node ask for the missing
	 * write sets alone (IST) instead of a full copy (SST), as Debian's galera_recovery
	 * does under systemd.
	 */
	String recoverPosition() throws InterruptedException {
		List<String> command = mariadbd();
		Path log = directory.resolve("recover.log");
		command.add("--wsrep-recover");
		command.add("--log-error=" + log);
		run(command, "recover-console.log");
		try {
			Matcher recovered = RECOVERED.matcher(Files.readString(log));
			String position = null;
			while (recovered.find()) {
				position = recovered.group(1);
			}
			return position;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether the node's saved state says it did not stop cleanly (seqno -1). */
	boolean crashed() {
		try {
			Path state = directory.resolve("data/grastate.dat");
			return Files.exists(state) && Pattern.compile("(?m)^seqno:\\s*-1").matcher(Files.readString(state)).find();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> mariadbd() {
		List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--defaults-file=" + config()));
		command.addAll(userArgument());
		return command;
	}

	/**
	 * As root, the nodes run as Debian's mysql user, as the packaged service does: the
	 * rsync daemon that receives a full state transfer drops root for nobody, who could
	 * not write into root's directories.
	 */
	static List<String> userArgument() {
		return runningAsRoot() ? List.of("--user=" + SERVICE_USER) : List.of();
	}

	private void ownFiles() throws IOException {
		ownFiles(directory);
	}

	/** Hands the files under a directory to the user mariadbd runs as. */
	static void ownFiles(Path directory) throws IOException {
		if (!runningAsRoot()) {
			return;
		}
		var users = directory.getFileSystem().getUserPrincipalLookupService();
		var user = users.lookupPrincipalByName(SERVICE_USER);
		var group = users.lookupPrincipalByGroupName(SERVICE_USER);
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.toList()) {
				Files.setOwner(path, user);
				Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
			}
		}
	}

	private void run(List<String> command, String logName) throws InterruptedException {
		try {
			Process oneShot = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve(logName).toFile())
				.start();
			if (!oneShot.waitFor(2, TimeUnit.MINUTES)) {
				oneShot.destroyForcibly();
				throw new IllegalStateException(command.getFirst() + " did not finish for node " + number);
			}
			if (oneShot.exitValue() != 0) {
				throw new IllegalStateException(command.getFirst() + " failed for node " + number + " (exit "
						+ oneShot.exitValue() + "): " + Files.readString(directory.resolve(logName)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A physical backup of this node while it serves, as docs/operations.md tells:
	 * {@code mariadb-backup --backup --galera-info} (which also records the cluster
	 * position the copy matches), then {@code --prepare}, after which the directory is a
	 * data directory holding every transaction committed when the backup ended.
	 */
	public RestoredBackup backup(Path target) throws InterruptedException {
		run(List.of(BACKUP.toString(), "--defaults-file=" + config(), "--backup", "--galera-info",
				"--target-dir=" + target, "--host=127.0.0.1", "--port=" + ports.sql(), "--user=root"), "backup.log");
		run(List.of(BACKUP.toString(), "--prepare", "--target-dir=" + target), "prepare.log");
		return new RestoredBackup(target);
	}

	/** SIGKILL, as a power cut or the OOM killer: nothing is flushed or said goodbye. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** SIGTERM: mariadbd leaves the cluster and saves its position, then exits. */
	public void stop(Duration grace) throws InterruptedException {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
			kill();
		}
	}

	public boolean isRunning() {
		return process != null && process.isAlive();
	}

	public int number() {
		return number;
	}

	public Ports ports() {
		return ports;
	}

	public Path directory() {
		return directory;
	}

	public MariaDbServer server() {
		return new MariaDbServer("127.0.0.1", ports.sql(), "root", "", "Galera node " + number);
	}

	/**
	 * The node's wsrep status variables (wsrep_cluster_size,
	 * wsrep_local_state_comment...).
	 */
	public Map<String, String> status() throws SQLException {
		Map<String, String> status = new HashMap<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep%'")) {
			while (rows.next()) {
				status.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getString(2));
			}
		}
		return status;
	}

	/** A connection to this node alone, as an administrator. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(
				"jdbc:mariadb://127.0.0.1:" + ports.sql() + "/?connectTimeout=2000&socketTimeout=10000", "root", "");
	}

	/** What mariadbd wrote to its error log so far. */
	public String errorLog() {
		try {
			Path log = directory.resolve("error.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Path config() {
		return directory.resolve("my.cnf").toAbsolutePath();
	}

	long pid() {
		return process.pid();
	}

	static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	@Override
	public String toString() {
		return "Galera node " + number + " (SQL 127.0.0.1:" + ports.sql() + ")";
	}

}
