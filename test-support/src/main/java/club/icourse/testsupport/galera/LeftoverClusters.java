package club.icourse.testsupport.galera;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clusters left running by a test JVM that was killed before its shutdown hook ran: their
 * mariadbd processes outlive it and would hold memory and ports until the machine stops.
 */
final class LeftoverClusters {

	private static final Logger log = LoggerFactory.getLogger(LeftoverClusters.class);

	/** The file in a cluster's directory that holds the pid of the JVM that owns it. */
	static final String OWNER = "owner.pid";

	private LeftoverClusters() {
	}

	static void stopAndDelete(String prefix) {
		Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
		try (DirectoryStream<Path> clusters = Files.newDirectoryStream(temporary, prefix + "*")) {
			for (Path cluster : clusters) {
				if (Files.isRegularFile(cluster.resolve(OWNER)) && !alive(Files.readString(cluster.resolve(OWNER)))) {
					log.info("Stopping the Galera cluster a killed test run left under {}", cluster);
					killNodes(cluster);
					GaleraCluster.deleteRecursively(cluster);
				}
			}
		}
		catch (IOException e) {
			log.warn("Could not look for leftover Galera clusters under {}: {}", temporary, e.getMessage());
		}
	}

	private static boolean alive(String pid) {
		return process(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static void killNodes(Path cluster) throws IOException {
		try (DirectoryStream<Path> nodes = Files.newDirectoryStream(cluster, "node*")) {
			for (Path node : nodes) {
				Path pidFile = node.resolve("mysqld.pid");
				if (Files.isRegularFile(pidFile)) {
					// Only a mariadbd started on this node's configuration, not whatever
					// reuses the pid now.
					process(Files.readString(pidFile))
						.filter(p -> p.info()
							.arguments()
							.map(a -> String.join(" ", a))
							.orElse("")
							.contains(node.toString()))
						.ifPresent(ProcessHandle::destroyForcibly);
				}
			}
		}
	}

	private static Optional<ProcessHandle> process(String pid) {
		try {
			return ProcessHandle.of(Long.parseLong(pid.trim()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

}
