package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;

/**
 * A grant's JSON columns are converted once while they do not change; any change is
 * converted anew, and what is read is what a mapper that remembers nothing reads.
 */
class RecentGrantJsonTest {

	private final RecentGrantJson json = new RecentGrantJson(4);

	private final JavaType map = json.getTypeFactory().constructMapType(Map.class, String.class, Object.class);

	@Test
	void aMapHoldingTheSameValuesIsNotConvertedAgain() {
		Map<String, Object> metadata = metadata(false, "jti-1");
		String written = json.writeValueAsString(metadata);

		assertThat(json.writeValueAsString(copyOf(metadata))).isSameAs(written);
		assertThat((Object) json.readValue(new String(written), map)).isSameAs(metadata);
	}

	@Test
	void aChangedValueIsConvertedAnew() {
		Map<String, Object> live = metadata(false, "jti-2");
		String liveJson = json.writeValueAsString(live);
		Map<String, Object> revoked = copyOf(live);
		revoked.put("metadata.token.invalidated", true);

		String revokedJson = json.writeValueAsString(Collections.unmodifiableMap(revoked));

		assertThat(revokedJson).isNotEqualTo(liveJson).contains("\"metadata.token.invalidated\":true");
		Map<String, Object> read = json.readValue(revokedJson, map);
		assertThat(read).containsEntry("metadata.token.invalidated", true);
	}

	@Test
	void whatItReadsIsWhatAMapperThatRemembersNothingReads() {
		String stored = new RecentGrantJson(4).writeValueAsString(metadata(false, "jti-3"));

		Map<String, Object> first = json.readValue(stored, map);

		assertThat(first).isEqualTo(new RecentGrantJson(4).readValue(stored, map));
		assertThat((Object) json.readValue(new String(stored), map)).isSameAs(first);
	}

	@Test
	void onlyTheLatestAreRemembered() {
		Map<String, Object> oldest = metadata(false, "jti-4");
		String stored = json.writeValueAsString(oldest);
		for (int i = 0; i < 4; i++) {
			json.writeValueAsString(metadata(false, "jti-other-" + i));
		}

		Map<String, Object> read = json.readValue(stored, map);

		assertThat(read).isNotSameAs(oldest).isEqualTo(oldest);
	}

	private static Map<String, Object> metadata(boolean invalidated, String jti) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "subject-1");
		claims.put("jti", jti);
		claims.put("exp", Instant.parse("2026-12-07T20:00:00.123456789Z"));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("metadata.token.claims", Collections.unmodifiableMap(claims));
		metadata.put("metadata.token.invalidated", invalidated);
		return Collections.unmodifiableMap(metadata);
	}

	private static Map<String, Object> copyOf(Map<String, Object> map) {
		return new LinkedHashMap<>(map);
	}

}
