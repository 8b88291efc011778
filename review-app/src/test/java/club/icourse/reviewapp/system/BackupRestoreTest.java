package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import club.icourse.testsupport.mariadb.MariaDbServer;
import club.icourse.testsupport.mariadb.TestDatabases;
import club.icourse.testsupport.mariadb.TestMariaDb;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/backup.sh and scripts/restore.sh, run for real with the MariaDB client tools
 * against the test server: both schemas, populated with awkward data (Chinese, emoji,
 * quotes, backslashes, NULLs, binary), backed up and restored into fresh databases hold
 * the same rows, table by table (row count and CHECKSUM TABLE).
 */
class BackupRestoreTest {

	private static final Path SCRIPTS = scriptsFolder();

	@TempDir
	Path temp;

	@BeforeAll
	static void clientToolsPresent() {
		assumeTrue(onPath("bash"), "bash is not installed: the backup scripts cannot run");
		assumeTrue(onPath("mariadb-dump") || onPath("mysqldump"),
				"mariadb-dump (or mysqldump) is not installed: install the MariaDB client to test backups");
		assumeTrue(onPath("mariadb") || onPath("mysql"),
				"the mariadb (or mysql) client is not installed: install the MariaDB client to test restores");
	}

	@Test
	void restoresEveryTableRowForRowAndTheUploadedFiles() throws Exception {
		String auth = migrated("backupauth", "auth");
		String review = migrated("backupreview", "review");
		populateSessions(auth);
		populateSessions(review);
		populateCatalogue(review);
		Path uploads = Files.createDirectories(temp.resolve("uploads/avatars"));
		Files.writeString(uploads.resolve("头像 1.txt"), "你好 🙂", StandardCharsets.UTF_8);
		Path backups = Files.createDirectories(temp.resolve("backups"));
		Files.createDirectories(backups.resolve("icourse-20200101-000000"));
		Files.createDirectories(backups.resolve("icourse-20200102-000000"));

		String output = run(Map.of("DATABASES", auth + " " + review, "BACKUP_DIR", backups.toString(), "BACKUP_KEEP",
				"2", "UPLOADS_DIR", uploads.getParent().toString()), "backup.sh");

		List<Path> kept;
		try (Stream<Path> folders = Files.list(backups)) {
			kept = folders.sorted().toList();
		}
		assertThat(kept).as(output).hasSize(2);
		assertThat(kept.getFirst().getFileName()).hasToString("icourse-20200102-000000");
		Path backup = kept.getLast();
		assertThat(backup.resolve(auth + ".sql.gz")).isNotEmptyFile();
		assertThat(backup.resolve("uploads.tar.gz")).isNotEmptyFile();

		String restoredAuth = TestDatabases.databaseFor("restoredauth");
		String restoredReview = TestDatabases.databaseFor("restoredreview");
		Path restoredUploads = temp.resolve("restored-uploads");
		run(Map.of(), "restore.sh", "--uploads", restoredUploads.toString(), backup.toString(),
				auth + "=" + restoredAuth, review + "=" + restoredReview);

		assertThat(tableFigures(restoredAuth)).isEqualTo(tableFigures(auth));
		Map<String, String> reviewFigures = tableFigures(review);
		assertThat(reviewFigures).containsKeys("course", "teacher", "SPRING_SESSION_ATTRIBUTES",
				"flyway_schema_history");
		assertThat(reviewFigures.get("course")).matches("1000 [1-9][0-9]*");
		assertThat(tableFigures(restoredReview)).isEqualTo(reviewFigures);
		assertThat(restoredUploads.resolve("avatars/头像 1.txt")).hasContent("你好 🙂");
	}

	@Test
	void refusesToRestoreOverADatabaseWithTablesUnlessToldToReplaceIt() throws Exception {
		String source = migrated("backupsource", "auth");
		populateSessions(source);
		Path backups = Files.createDirectories(temp.resolve("backups"));
		run(Map.of("DATABASES", source, "BACKUP_DIR", backups.toString()), "backup.sh");
		Path backup;
		try (Stream<Path> folders = Files.list(backups)) {
			backup = folders.findFirst().orElseThrow();
		}
		String target = migrated("restoretarget", "auth");

		Process refused = start(Map.of(), "restore.sh", backup.toString(), source + "=" + target);
		String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(refused.waitFor()).as(refusal).isNotZero();
		assertThat(refusal).contains("--replace");
		assertThat(tableFigures(target).get("SPRING_SESSION")).startsWith("0 ");

		run(Map.of(), "restore.sh", "--replace", backup.toString(), source + "=" + target);
		assertThat(tableFigures(target)).isEqualTo(tableFigures(source));
	}

	private static String migrated(String owner, String schema) {
		String database = TestDatabases.databaseFor(owner);
		MariaDbServer server = TestMariaDb.server();
		Flyway.configure()
			.dataSource(server.jdbcUrl(database), server.user(), server.password())
			.locations("classpath:db/migration/" + schema)
			.load()
			.migrate();
		return database;
	}

	private static void populateSessions(String database) throws SQLException {
		Random random = new Random(42);
		try (Connection connection = connect(database)) {
			connection.setAutoCommit(false);
			try (var session = connection.prepareStatement("INSERT INTO SPRING_SESSION VALUES (?, ?, ?, ?, ?, ?, ?)");
					var attribute = connection
						.prepareStatement("INSERT INTO SPRING_SESSION_ATTRIBUTES VALUES (?, ?, ?)")) {
				for (int i = 0; i < 200; i++) {
					String id = String.format("00000000-0000-0000-0000-%012d", i);
					session.setString(1, id);
					session.setString(2, id.replace('0', 'a'));
					session.setLong(3, 1_700_000_000_000L + i);
					session.setLong(4, 1_700_000_001_000L + i);
					session.setInt(5, 1800);
					session.setLong(6, 1_700_001_800_000L + i);
					session.setString(7, i % 3 == 0 ? null : "学生" + i + "@mail.ustc.edu.cn");
					session.addBatch();
					byte[] bytes = new byte[random.nextInt(40_000)];
					random.nextBytes(bytes);
					attribute.setString(1, id);
					attribute.setString(2, "SPRING_SECURITY_CONTEXT");
					attribute.setBytes(3, bytes);
					attribute.addBatch();
				}
				session.executeBatch();
				attribute.executeBatch();
			}
			connection.commit();
		}
	}

	private static void populateCatalogue(String database) throws SQLException {
		Timestamp created = Timestamp.valueOf(LocalDateTime.of(2026, 9, 1, 8, 0, 0, 123_456_000));
		try (Connection connection = connect(database)) {
			connection.setAutoCommit(false);
			try (var department = connection
				.prepareStatement("INSERT INTO department (id, code, name) VALUES (?, ?, ?)");
					var teacher = connection.prepareStatement(
							"INSERT INTO teacher (id, import_key, name, department_id, homepage, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
					var course = connection.prepareStatement(
							"INSERT INTO course (id, name, teacher_key, department_id, introduction, created_at) VALUES (?, ?, ?, ?, ?, ?)");
					var courseTeacher = connection.prepareStatement("INSERT INTO course_teacher VALUES (?, ?, ?)");
					var term = connection.prepareStatement(
							"INSERT INTO course_term (course_id, term, term_order, course_code, credits) VALUES (?, ?, ?, ?, ?)")) {
				for (int d = 1; d <= 20; d++) {
					department.setLong(1, d);
					department.setString(2, "D" + d);
					department.setString(3, "第" + d + "系 'quoted' \\ back\\slash");
					department.addBatch();
				}
				department.executeBatch();
				for (int t = 1; t <= 300; t++) {
					teacher.setLong(1, t);
					teacher.setString(2, "t" + t);
					teacher.setString(3, "老师" + t + " 🙂");
					teacher.setObject(4, t % 7 == 0 ? null : (long) (t % 20 + 1));
					teacher.setString(5, t % 2 == 0 ? null : "https://example.edu/~t" + t + "?a=1&b=\"2\"");
					teacher.setString(6, "多行\n说明\t\"引号\" ; DROP TABLE x; -- " + t);
					teacher.setTimestamp(7, created);
					teacher.addBatch();
				}
				teacher.executeBatch();
				for (int c = 1; c <= 1000; c++) {
					course.setLong(1, c);
					course.setString(2, "课程 " + c + " ✨");
					course.setString(3, "t" + (c % 300 + 1));
					course.setObject(4, c % 5 == 0 ? null : (long) (c % 20 + 1));
					course.setString(5, c % 4 == 0 ? null : "介绍 ".repeat(c % 50) + "\u0000 NUL and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
					course.setTimestamp(6, created);
					course.addBatch();
					courseTeacher.setLong(1, c);
					courseTeacher.setLong(2, c % 300 + 1);
					courseTeacher.setInt(3, 0);
					courseTeacher.addBatch();
					term.setLong(1, c);
					term.setString(2, "2026-fall");
					term.setInt(3, 20262);
					term.setString(4, "MATH" + c);
					term.setBigDecimal(5, c % 3 == 0 ? null : new BigDecimal("3.5"));
					term.addBatch();
				}
				course.executeBatch();
				courseTeacher.executeBatch();
				term.executeBatch();
			}
			connection.commit();
		}
	}

	/** Per table: its row count and CHECKSUM TABLE, "count checksum". */
	private static Map<String, String> tableFigures(String database) throws SQLException {
		Map<String, String> figures = new TreeMap<>();
		try (Connection connection = connect(database); var statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (var rows = statement
				.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				long count;
				try (var rows = statement.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
					rows.next();
					count = rows.getLong(1);
				}
				try (var rows = statement.executeQuery("CHECKSUM TABLE `" + table + "` EXTENDED")) {
					rows.next();
					figures.put(table, count + " " + rows.getString(2));
				}
			}
		}
		return figures;
	}

	private static Connection connect(String database) throws SQLException {
		MariaDbServer server = TestMariaDb.server();
		return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
	}

	private static String run(Map<String, String> environment, String script, String... arguments)
			throws IOException, InterruptedException {
		Process process = start(environment, script, arguments);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
		assertThat(process.exitValue()).as(script + " failed:\n" + output).isZero();
		return output;
	}

	private static Process start(Map<String, String> environment, String script, String... arguments)
			throws IOException {
		MariaDbServer server = TestMariaDb.server();
		List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("DB_HOST", server.host(), "DB_PORT", String.valueOf(server.port()), "DB_USER", server.user(),
					"DB_PASSWORD", server.password()));
		builder.environment().putAll(environment);
		return builder.start();
	}

	private static Path scriptsFolder() {
		for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
			if (Files.isRegularFile(folder.resolve("scripts/backup.sh"))) {
				return folder.resolve("scripts");
			}
		}
		throw new IllegalStateException("scripts/backup.sh not found above " + Path.of("").toAbsolutePath());
	}

	private static boolean onPath(String command) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(File.pathSeparator))
			.anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
	}

}
