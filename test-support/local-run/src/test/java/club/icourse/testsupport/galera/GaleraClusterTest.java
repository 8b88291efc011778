package club.icourse.testsupport.galera;

import static org.assertj.core.api.Assertions.assertThat;

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
