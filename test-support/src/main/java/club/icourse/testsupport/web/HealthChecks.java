package club.icourse.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app reports up with its database, names every answer's request, and migrated its
 * own test database, which it reads through the generated schema.
 */
public abstract class HealthChecks extends AppChecks {

	private final String schemaPrefix;

	private final Table<?> generatedTable;

	@Autowired
	private DSLContext dsl;

	/**
	 * @param schemaPrefix how the names of this app's test databases begin
	 * @param generatedTable a table of the app's generated schema (its browser sessions,
	 * say)
	 */
	protected HealthChecks(String schemaPrefix, Table<?> generatedTable) {
		this.schemaPrefix = schemaPrefix;
		this.generatedTable = generatedTable;
	}

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
		assertThat(this.dsl.fetchCount(this.generatedTable)).isGreaterThanOrEqualTo(0);
		assertThat(this.dsl.fetchValue(DSL.currentSchema())).startsWith(this.schemaPrefix);
		assertThat(this.dsl.fetchCount(DSL.table("flyway_schema_history"), DSL.field("success").eq(1)))
			.isGreaterThanOrEqualTo(1);
	}

}
