package club.icourse.reviewapp.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the API over real HTTP as an app would, with one access token. */
record ApiClient(int port, String token) {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** An answer: its status, headers and body as JSON (null when empty or not JSON). */
	record Answer(int status, Map<String, List<String>> headers, JsonNode body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}
	}

	Answer get(String path) {
		return send(request(path).GET());
	}

	Answer put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "application/json");
		return token == null ? request : request.header("Authorization", "Bearer " + token);
	}

	private static Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = body == null || body.isBlank() || !body.strip().matches("(?s)^[\\[{].*") ? null
					: JSON.readTree(body);
			return new Answer(response.statusCode(), response.headers().map(), json);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
