package club.icourse.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The app reports up with its database, names every answer's request, and migrated its
 * own test database, which it reads through the generated schema.
 */
public abstract class HealthChecks {

	private final String schemaPrefix;

	/**
	 * @param schemaPrefix how the names of this app's test databases begin
	 */
	protected HealthChecks(String schemaPrefix) {
		this.schemaPrefix = schemaPrefix;
	}

	/** The port the app under test listens on. */
	protected abstract int port();

	protected abstract DSLContext dsl();

	/** A table of the app's generated schema (its browser sessions, say). */
	protected abstract Table<?> generatedTable();

	@Test
	public void reportsUpWithTheDatabase() throws IOException, InterruptedException {
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> readiness = get("/actuator/health/readiness");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.headers().firstValue("X-Request-Id")).as("every answer names its request").isPresent();
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(readiness.statusCode()).isEqualTo(200);
	}

	@Test
	public void migratedItsOwnDatabaseAndReadsItThroughTheGeneratedSchema() {
		assertThat(dsl().fetchCount(generatedTable())).isGreaterThanOrEqualTo(0);
		assertThat(dsl().fetchValue(DSL.currentSchema())).startsWith(schemaPrefix);
		assertThat(dsl().fetchCount(DSL.table("flyway_schema_history"), DSL.field("success").eq(1)))
			.isGreaterThanOrEqualTo(1);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
