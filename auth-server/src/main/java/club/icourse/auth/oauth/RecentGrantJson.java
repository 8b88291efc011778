package club.icourse.auth.oauth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The framework's JSON mapper for the stored grant's attributes and token metadata, which
 * remembers the last values it converted in either direction.
 * <p>
 * A grant's columns change little from one save to the next: a refresh reads the
 * authorization request and the signed-in {@code Authentication} written at the code
 * exchange (1.8 KB of JSON with Jackson's type information), and writes them back
 * unchanged; a code exchange reads what the authorize request wrote a moment before.
 * Converting them was a quarter of a refresh's CPU (Jackson builds its deserializers of
 * type-tagged collections anew at every read). A value is known by its exact JSON text,
 * so a remembered conversion can never be stale: a revoked token's metadata is other
 * text. A map to write is known when it holds the very same values (by identity) as one
 * converted before: the framework copies a grant's attributes into a new map at every
 * change, but not their values.
 * <p>
 * The values handed out are shared between requests: the framework's are immutable
 * (unmodifiable maps, the authorization request, the authentication).
 */
final class RecentGrantJson extends JsonMapper {

	private final Recent<String, Object> read;

	private final Recent<Values, String> written;

	RecentGrantJson(int remembered) {
		super(JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(RecentGrantJson.class.getClassLoader())));
		this.read = new Recent<>(remembered);
		this.written = new Recent<>(remembered);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T readValue(String content, JavaType valueType) {
		if (!valueType.isMapLikeType()) {
			return super.readValue(content, valueType);
		}
		Object known = read.get(content);
		if (known != null) {
			return (T) known;
		}
		T value = super.readValue(content, valueType);
		remember(value, content);
		return value;
	}

	@Override
	public String writeValueAsString(Object value) {
		if (!(value instanceof Map<?, ?>)) {
			return super.writeValueAsString(value);
		}
		Values values = Values.of((Map<?, ?>) value);
		String known = written.get(values);
		if (known != null) {
			return known;
		}
		String json = super.writeValueAsString(value);
		remember(value, json);
		return json;
	}

	private void remember(Object value, String json) {
		if (value instanceof Map<?, ?> map) {
			read.put(json, value);
			written.put(Values.of(map), json);
		}
	}

	/**
	 * A map's keys and values, equal to another's when its values are the same objects.
	 */
	private static final class Values {

		private final List<Object> keysAndValues;

		private final int hash;

		private Values(List<Object> keysAndValues, int hash) {
			this.keysAndValues = keysAndValues;
			this.hash = hash;
		}

		static Values of(Map<?, ?> map) {
			List<Object> keysAndValues = new ArrayList<>(map.size() * 2);
			int hash = 1;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				keysAndValues.add(entry.getKey());
				keysAndValues.add(entry.getValue());
				hash = 31 * hash + (Objects.hashCode(entry.getKey()) ^ System.identityHashCode(entry.getValue()));
			}
			return new Values(keysAndValues, hash);
		}

		@Override
		public boolean equals(Object other) {
			if (!(other instanceof Values that) || that.hash != hash
					|| that.keysAndValues.size() != keysAndValues.size()) {
				return false;
			}
			for (int i = 0; i < keysAndValues.size(); i += 2) {
				if (!Objects.equals(keysAndValues.get(i), that.keysAndValues.get(i))
						|| keysAndValues.get(i + 1) != that.keysAndValues.get(i + 1)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public int hashCode() {
			return hash;
		}

	}

	/** The most recently used entries, at most so many. */
	private static final class Recent<K, V> {

		private final Map<K, V> entries;

		Recent(int limit) {
			this.entries = new LinkedHashMap<>(limit * 2, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
					return size() > limit;
				}
			};
		}

		synchronized V get(K key) {
			return entries.get(key);
		}

		synchronized void put(K key, V value) {
			entries.put(key, value);
		}

	}

}
