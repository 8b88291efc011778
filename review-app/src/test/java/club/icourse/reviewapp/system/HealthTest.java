package club.icourse.reviewapp.system;

import static club.icourse.db.review.Tables.SPRING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReviewAppTest
class HealthTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void reportsUpWithTheDatabase() throws IOException, InterruptedException {
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> readiness = get("/actuator/health/readiness");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.headers().firstValue("X-Request-Id")).as("every answer names its request").isPresent();
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(readiness.statusCode()).isEqualTo(200);
	}

	@Test
	void migratedItsOwnDatabaseAndReadsItThroughTheGeneratedSchema() {
		assertThat(dsl.fetchCount(SPRING_SESSION)).isGreaterThanOrEqualTo(0);
		assertThat(dsl.fetchValue(DSL.currentSchema())).startsWith("icourse_test_review_");
		assertThat(dsl.fetchCount(DSL.table("flyway_schema_history"), DSL.field("success").eq(1)))
			.isGreaterThanOrEqualTo(1);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
