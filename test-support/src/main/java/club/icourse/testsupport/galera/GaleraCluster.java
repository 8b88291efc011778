package club.icourse.testsupport.galera;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB Galera cluster on this machine: three mariadbd processes from Debian's
 * mariadb-server and galera-4, each with its own data directory under one temporary
 * directory and its own ports on 127.0.0.1. The first node bootstraps the cluster, the
 * others join it by a full state transfer (rsync). scripts/galera.sh starts the same
 * cluster by hand, from the same node.cnf.
 */
public final class GaleraCluster implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GaleraCluster.class);

	private static final String DIRECTORY_PREFIX = "icourse-galera-";

	private static final Duration JOIN = Duration.ofMinutes(2);

	private static final Duration GRACE = Duration.ofSeconds(60);

	private static GaleraCluster shared;

	private final Path directory;

	private final List<GaleraNode> nodes;

	private GaleraCluster(Path directory, List<GaleraNode> nodes) {
		this.directory = directory;
		this.nodes = nodes;
	}

	/**
	 * The cluster of this test JVM, started on first use (about half a minute) and
	 * stopped when the JVM exits.
	 */
	public static synchronized GaleraCluster shared() {
		if (shared == null) {
			try {
				shared = start(3);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting the Galera cluster", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-galera-cluster"));
		}
		return shared;
	}

	/**
	 * Starts a cluster of the given size on free ports, under a new temporary directory.
	 */
	public static GaleraCluster start(int size) throws InterruptedException {
		requireInstalled();
		LeftoverClusters.stopAndDelete(DIRECTORY_PREFIX);
		Path directory;
		try {
			// Readable by the user the nodes run as.
			directory = Files.createTempDirectory(DIRECTORY_PREFIX,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
			Files.writeString(directory.resolve(LeftoverClusters.OWNER), String.valueOf(ProcessHandle.current().pid()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<GaleraNode.Ports> ports = freePorts(size);
		List<GaleraNode> nodes = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			GaleraNode node = new GaleraNode(i + 1, directory.resolve("node" + (i + 1)), ports.get(i));
			node.configure(ports);
			nodes.add(node);
		}
		GaleraCluster cluster = new GaleraCluster(directory, nodes);
		try {
			Instant started = Instant.now();
			GaleraNode first = nodes.getFirst();
			first.initialize();
			first.start(true, null);
			cluster.awaitSynced(List.of(first), JOIN);
			// One joiner at a time: a donor serves one full state transfer at a time.
			for (GaleraNode joiner : nodes.subList(1, size)) {
				joiner.start(false, null);
				cluster.awaitSynced(nodes.subList(0, joiner.number()), JOIN);
			}
			log.info("Galera cluster of {} nodes up in {} s under {}: {}", size,
					Duration.between(started, Instant.now()).toSeconds(), directory, nodes);
			return cluster;
		}
		catch (RuntimeException | InterruptedException e) {
			cluster.close();
			throw e;
		}
	}

	private static void requireInstalled() {
		for (Path needed : List.of(GaleraNode.MARIADBD, GaleraNode.INSTALL_DB, GaleraNode.PROVIDER,
				Path.of("/usr/bin/rsync"))) {
			if (!Files.exists(needed)) {
				throw new IllegalStateException("The Galera tests need Debian's mariadb-server, galera-4 and rsync ("
						+ needed + " is missing): apt-get install -y mariadb-server galera-4 rsync");
			}
		}
	}

	private static List<GaleraNode.Ports> freePorts(int size) {
		List<ServerSocket> held = new ArrayList<>();
		try {
			for (int i = 0; i < size * 4; i++) {
				held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
			}
			List<GaleraNode.Ports> ports = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				ports.add(new GaleraNode.Ports(held.get(4 * i).getLocalPort(), held.get(4 * i + 1).getLocalPort(),
						held.get(4 * i + 2).getLocalPort(), held.get(4 * i + 3).getLocalPort()));
			}
			return ports;
		}
		catch (IOException e) {
			throw new UncheckedIOException("No free ports on the loopback interface", e);
		}
		finally {
			for (ServerSocket socket : held) {
				try {
					socket.close();
				}
				catch (IOException ignored) {
					// Only held to keep the ports distinct.
				}
			}
		}
	}

	public List<GaleraNode> nodes() {
		return List.copyOf(nodes);
	}

	/** Node 1, 2 or 3. */
	public GaleraNode node(int number) {
		return nodes.get(number - 1);
	}

	/**
	 * The address the apps use: MariaDB Connector/J's sequential mode sends every
	 * connection to the first node that answers, in the order given, so all writes go
	 * through one node while it lives (no certification conflicts between nodes) and move
	 * to the next when it dies. {@code galeraAllowedState=4} makes "answers" mean "is
	 * synced": a node that is still joining, or is cut off in a minority (where it
	 * refuses every statement), is passed over for the next one, at connection and at
	 * each validation.
	 */
	public String jdbcUrl(String database) {
		return "jdbc:mariadb:sequential://"
				+ nodes.stream().map(node -> "127.0.0.1:" + node.ports().sql()).collect(Collectors.joining(",")) + "/"
				+ database + "?galeraAllowedState=4";
	}

	/**
	 * Waits until every running node is synced, in the primary component, and counts all
	 * running nodes as members.
	 */
	public void awaitSynced(Duration timeout) throws InterruptedException {
		awaitSynced(nodes.stream().filter(GaleraNode::isRunning).toList(), timeout);
	}

	private void awaitSynced(List<GaleraNode> members, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		String last = "";
		while (Instant.now().isBefore(deadline)) {
			last = unsynced(members);
			if (last.isEmpty()) {
				return;
			}
			for (GaleraNode member : members) {
				if (!member.isRunning()) {
					throw new IllegalStateException(member + " exited while joining:\n" + tail(member.errorLog()));
				}
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The Galera cluster did not sync within " + timeout + ": " + last + "\n"
				+ members.stream().map(m -> m + ":\n" + tail(m.errorLog())).collect(Collectors.joining("\n")));
	}

	/** What is not yet as it should be, or "" when every member is synced. */
	private static String unsynced(List<GaleraNode> members) {
		List<String> problems = new ArrayList<>();
		for (GaleraNode member : members) {
			try {
				Map<String, String> status = member.status();
				String size = status.get("wsrep_cluster_size");
				String state = status.get("wsrep_local_state_comment");
				if (!String.valueOf(members.size()).equals(size) || !"Synced".equals(state)
						|| !"Primary".equals(status.get("wsrep_cluster_status"))) {
					problems.add(member + ": size " + size + ", " + state + ", " + status.get("wsrep_cluster_status"));
				}
			}
			catch (SQLException e) {
				problems.add(member + ": " + e.getMessage());
			}
		}
		return String.join("; ", problems);
	}

	private static String tail(String text) {
		String[] lines = text.split("\n");
		return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 25), lines.length));
	}

	/** Kills one node with SIGKILL; the others notice within a few seconds. */
	public void kill(int number) throws InterruptedException {
		node(number).kill();
	}

	/** Stops one node gracefully: it leaves the cluster at once. */
	public void stop(int number) throws InterruptedException {
		node(number).stop(GRACE);
	}

	/**
	 * Starts a stopped or killed node again and waits until it has caught up. After a
	 * crash its position is recovered first, so that it asks only for what it missed.
	 */
	public void rejoin(int number) throws InterruptedException {
		GaleraNode node = node(number);
		node.start(false, node.crashed() ? node.recoverPosition() : null);
		awaitSynced(JOIN);
	}

	/** Stops every node and deletes the cluster's files. */
	@Override
	public synchronized void close() {
		List<Thread> stopping = new ArrayList<>();
		for (GaleraNode node : nodes.reversed()) {
			stopping.add(Thread.ofPlatform().start(() -> {
				try {
					node.stop(GRACE);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (!Boolean.getBoolean("icourse.galera.keep")) {
			deleteRecursively(directory);
		}
	}

	static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Path directory() {
		return directory;
	}

}
