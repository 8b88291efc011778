package club.icourse.testsupport.galera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three-node cluster the Galera tests run on: every node holds what any node
 * committed, and a node that is killed or stopped comes back by receiving only the write
 * sets it missed (IST), not a full copy. Each test leaves all three nodes running.
 */
class GaleraClusterTest {

	private static final Duration NOTICED = Duration.ofSeconds(30);

	private static GaleraCluster cluster;

	private static String database;

	@BeforeAll
	static void startCluster() throws SQLException {
		cluster = GaleraCluster.shared();
		database = "galera_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
			statement.execute("CREATE TABLE " + database + ".note (id BIGINT PRIMARY KEY AUTO_INCREMENT, "
					+ "text VARCHAR(100) NOT NULL)");
		}
	}

	@Test
	void threeNodesFormOneClusterAndEachHoldsWhatAnotherCommitted() throws SQLException {
		for (GaleraNode node : cluster.nodes()) {
			assertThat(node.status()).containsEntry("wsrep_cluster_size", "3")
				.containsEntry("wsrep_cluster_status", "Primary")
				.containsEntry("wsrep_local_state_comment", "Synced");
		}
		String text = "written on node 2 " + UUID.randomUUID();
		insert(cluster.node(2), text);
		for (GaleraNode node : cluster.nodes()) {
			assertThat(texts(node)).as(node.toString()).contains(text);
		}
	}

	@Test
	void aKilledNodeRejoinsByIncrementalTransferAndHasWhatItMissed() throws Exception {
		String before = "before the kill " + UUID.randomUUID();
		insert(cluster.node(1), before);

		cluster.kill(2);
		Instant killed = Instant.now();
		cluster.awaitSynced(NOTICED);
		System.out.println("The two survivors formed the primary component in "
				+ Duration.between(killed, Instant.now()).toMillis() + " ms");
		List<String> missed = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			missed.add("while node 2 was down " + i + " " + UUID.randomUUID());
			insert(cluster.node(i % 2 == 0 ? 1 : 3), missed.getLast());
		}

		int logBefore = cluster.node(2).errorLog().length();
		cluster.rejoin(2);

		assertThat(cluster.node(2).errorLog().substring(logBefore)).as("node 2's log of its rejoin")
			.contains("IST received");
		assertThat(texts(cluster.node(2))).contains(before).containsAll(missed);
	}

	@Test
	void aStoppedNodeRejoinsByIncrementalTransferAndHasWhatItMissed() throws Exception {
		cluster.stop(3);
		cluster.awaitSynced(NOTICED);
		String missed = "while node 3 was stopped " + UUID.randomUUID();
		insert(cluster.node(1), missed);

		int logBefore = cluster.node(3).errorLog().length();
		cluster.rejoin(3);

		assertThat(cluster.node(3).errorLog().substring(logBefore)).contains("IST received");
		assertThat(texts(cluster.node(3))).contains(missed);
	}

	/**
	 * docs/operations.md's backup: mariadb-backup from the node the apps do not write
	 * through, while it serves; the prepared copy starts as a standalone server holding
	 * what was committed (on any node) before, and names the cluster position it matches.
	 */
	@Test
	void aNodeBackedUpWithMariadbBackupWhileItServesRestoresWithWhatWasCommitted() throws Exception {
		String before = "before the backup " + UUID.randomUUID();
		insert(cluster.node(1), before);
		String clusterId = cluster.node(3).status().get("wsrep_cluster_state_uuid");

		try (RestoredBackup backup = cluster.node(3)
			.backup(cluster.directory().resolve("backup-" + UUID.randomUUID()))) {
			assertThat(backup.galeraPosition()).startsWith(clusterId + ":");
			try (Connection restored = backup.start().connect();
					Statement statement = restored.createStatement();
					ResultSet rows = statement.executeQuery("SELECT text FROM " + database + ".note")) {
				List<String> texts = new ArrayList<>();
				while (rows.next()) {
					texts.add(rows.getString(1));
				}
				assertThat(texts).contains(before);
			}
		}
	}

	/**
	 * The trap of SELECT ... FOR UPDATE (SKIP LOCKED) on a multi-primary cluster, and why
	 * the product's claims still hold: a row lock is local to a node, so two instances on
	 * two nodes both claim the same row; but the second commit is refused with a deadlock
	 * (certification conflict), so exactly one claim exists. The outbox and search change
	 * log claims, ShedLock's lock row and Bucket4j's bucket row each change the row they
	 * claim and commit before acting (sending, running, counting), so a refused claim
	 * acts on nothing.
	 */
	@Test
	void twoNodesClaimingOneRowWithSkipLockedBothSeeItButOnlyOneCommits() throws SQLException {
		String table = database + ".claim_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, owner VARCHAR(10) NULL)");
			statement.execute("INSERT INTO " + table + " VALUES (1, NULL)");
		}
		try (Connection first = claimer(cluster.node(1)); Connection second = claimer(cluster.node(2))) {
			assertThat(claim(first, table, "first")).as("the first node claims the row").isTrue();
			assertThat(claim(second, table, "second")).as("the other node does not see the first one's lock").isTrue();
			first.commit();
			SQLException refused = catchThrowableOfType(SQLException.class, second::commit);
			assertThat((Throwable) refused).as("the second claim's commit").isNotNull();
			assertThat(refused.getErrorCode()).as(refused.getMessage()).isEqualTo(1213);
		}
		for (GaleraNode node : cluster.nodes()) {
			try (Connection connection = node.connect(); Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION wsrep_sync_wait = 1");
				try (ResultSet owner = statement.executeQuery("SELECT owner FROM " + table + " WHERE id = 1")) {
					assertThat(owner.next()).isTrue();
					assertThat(owner.getString(1)).as(node.toString()).isEqualTo("first");
				}
			}
		}
	}

	private static Connection claimer(GaleraNode node) throws SQLException {
		Connection connection = node.connect();
		connection.setAutoCommit(false);
		return connection;
	}

	/** Claims every unclaimed row it can lock, as the outbox sender does. */
	private static boolean claim(Connection connection, String table, String owner) throws SQLException {
		List<Long> claimed = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT id FROM " + table + " WHERE owner IS NULL FOR UPDATE SKIP LOCKED")) {
			while (rows.next()) {
				claimed.add(rows.getLong(1));
			}
		}
		try (var update = connection.prepareStatement("UPDATE " + table + " SET owner = ? WHERE id = ?")) {
			for (long id : claimed) {
				update.setString(1, owner);
				update.setLong(2, id);
				update.executeUpdate();
			}
		}
		return claimed.contains(1L);
	}

	private static void insert(GaleraNode node, String text) throws SQLException {
		try (Connection connection = node.connect();
				var insert = connection.prepareStatement("INSERT INTO " + database + ".note (text) VALUES (?)")) {
			insert.setString(1, text);
			insert.executeUpdate();
		}
	}

	/**
	 * Every text on the node, read after it has applied all it had received (causal
	 * read).
	 */
	private static List<String> texts(GaleraNode node) throws SQLException {
		List<String> texts = new ArrayList<>();
		try (Connection connection = node.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION wsrep_sync_wait = 1");
			try (ResultSet rows = statement.executeQuery("SELECT text FROM " + database + ".note")) {
				while (rows.next()) {
					texts.add(rows.getString(1));
				}
			}
		}
		return texts;
	}

}
