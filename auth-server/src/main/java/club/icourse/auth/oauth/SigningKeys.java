package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.SIGNING_KEY;

import club.icourse.auth.system.KeyEncryption;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The token-signing keys every instance shares, from the database: one key series per
 * algorithm (RS256, the default, and ES256 for clients that ask for it), each rotating on
 * its own. The JWKS publishes every key whose tokens may still be around; per algorithm
 * exactly one key signs at a time (the newest whose signing period has begun). Reads are
 * cached briefly: a new key is published well ahead of signing, so a stale cache never
 * misses a key in use.
 */
@Service
class SigningKeys {

	static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

	private static final Duration CACHE = Duration.ofSeconds(30);

	private record Stored(JWK key, JWSAlgorithm algorithm, Instant signsFrom, Instant signsUntil) {

		boolean signsAt(Instant instant) {
			return !signsFrom.isAfter(instant) && signsUntil.isAfter(instant);
		}
	}

	private record Snapshot(List<Stored> keys, Instant readAt) {
	}

	private final DSLContext dsl;

	private final KeyEncryption encryption;

	private final OidcProperties properties;

	private final Clock clock;

	private volatile Snapshot snapshot;

	SigningKeys(DSLContext dsl, OidcProperties properties, Clock clock) {
		this.dsl = dsl;
		this.encryption = new KeyEncryption(properties.keyEncryptionSecret());
		this.properties = properties;
		this.clock = clock;
	}

	/** The public keys to publish at the JWKS endpoint. */
	JWKSet published() {
		return new JWKSet(keys().stream().map(stored -> stored.key().toPublicJWK()).toList());
	}

	/**
	 * The keys that sign now, with their private parts: one per algorithm, so the JWS
	 * header's alg picks one.
	 */
	JWKSet signing() {
		JWKSet signing = signingNow(keys());
		if (signing != null) {
			return signing;
		}
		return signingAfterRotation();
	}

	/**
	 * No key signs now in what this instance last read: at first start-up a request can
	 * come before the start-up rotation has stored the first keys, or the cached read
	 * predates them. Read again, and add the keys if they are really missing, one thread
	 * at a time, so a burst of first requests adds one key, not one each.
	 */
	private synchronized JWKSet signingAfterRotation() {
		snapshot = null;
		JWKSet signing = signingNow(keys());
		if (signing != null) {
			return signing;
		}
		rotate();
		signing = signingNow(keys());
		if (signing == null) {
			throw new IllegalStateException("No signing key is valid now, even after a rotation");
		}
		return signing;
	}

	private JWKSet signingNow(List<Stored> keys) {
		Instant now = clock.instant();
		List<JWK> signing = new ArrayList<>();
		for (JWSAlgorithm algorithm : ALGORITHMS) {
			Optional<JWK> key = keys.stream()
				.filter(stored -> stored.algorithm().equals(algorithm) && stored.signsAt(now))
				.max(Comparator.comparing(Stored::signsFrom).thenComparing(stored -> stored.key().getKeyID()))
				.map(Stored::key);
			if (key.isEmpty()) {
				return null;
			}
			signing.add(key.get());
		}
		return new JWKSet(signing);
	}

	/** Forgets what was read, as the passing of the cache period would. */
	void forgetCachedKeys() {
		snapshot = null;
	}

	/**
	 * Makes sure a key of each algorithm signs now and its successor is published ahead
	 * of its turn; called at start-up and on a schedule. Two instances doing it at once
	 * may both add a key, which is harmless: one of them is chosen.
	 */
	synchronized void rotate() {
		for (JWSAlgorithm algorithm : ALGORITHMS) {
			rotate(algorithm);
		}
		snapshot = null;
	}

	private void rotate(JWSAlgorithm algorithm) {
		Instant now = clock.instant();
		List<Stored> current = load(algorithm);
		if (current.stream().noneMatch(stored -> stored.signsAt(now))) {
			add(algorithm, now);
			current = load(algorithm);
		}
		Instant lastCoverage = current.stream().map(Stored::signsUntil).max(Comparator.naturalOrder()).orElse(now);
		if (lastCoverage.isBefore(now.plus(properties.keyPublishedAhead().multipliedBy(2)))) {
			// The successor is published from now on and signs only when the current key
			// stops.
			add(algorithm, lastCoverage);
		}
	}

	private void add(JWSAlgorithm algorithm, Instant signsFrom) {
		JWK key = generate(algorithm);
		Instant signsUntil = signsFrom.plus(properties.keyLifetime());
		dsl.insertInto(SIGNING_KEY)
			.set(SIGNING_KEY.KID, key.getKeyID())
			.set(SIGNING_KEY.ALGORITHM, algorithm.getName())
			.set(SIGNING_KEY.PUBLIC_JWK, key.toPublicJWK().toJSONString())
			.set(SIGNING_KEY.PRIVATE_KEY_ENCRYPTED,
					encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)))
			.set(SIGNING_KEY.CREATED_AT, utc(clock.instant()))
			.set(SIGNING_KEY.SIGNS_FROM, utc(signsFrom))
			.set(SIGNING_KEY.SIGNS_UNTIL, utc(signsUntil))
			.set(SIGNING_KEY.PUBLISHED_UNTIL, utc(signsUntil.plus(properties.longestTokenLifetime())))
			.execute();
	}

	private static JWK generate(JWSAlgorithm algorithm) {
		JWKGenerator<? extends JWK> generator = switch (algorithm.getName()) {
			case "RS256" -> new RSAKeyGenerator(2048);
			case "ES256" -> new ECKeyGenerator(Curve.P_256);
			default -> throw new IllegalArgumentException("No key type for " + algorithm);
		};
		try {
			return generator.keyUse(KeyUse.SIGNATURE)
				.algorithm(algorithm)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Could not generate a signing key", e);
		}
	}

	private List<Stored> keys() {
		Snapshot current = snapshot;
		if (current == null || current.readAt().plus(CACHE).isBefore(clock.instant())) {
			current = new Snapshot(load(), clock.instant());
			snapshot = current;
		}
		return current.keys();
	}

	private List<Stored> load(JWSAlgorithm algorithm) {
		return load().stream().filter(stored -> stored.algorithm().equals(algorithm)).toList();
	}

	private List<Stored> load() {
		return dsl.selectFrom(SIGNING_KEY).where(SIGNING_KEY.PUBLISHED_UNTIL.gt(utc(clock.instant()))).fetch(row -> {
			try {
				JWK key = JWK
					.parse(new String(encryption.decrypt(row.getPrivateKeyEncrypted()), StandardCharsets.UTF_8));
				return new Stored(key, JWSAlgorithm.parse(row.getAlgorithm()),
						row.getSignsFrom().toInstant(ZoneOffset.UTC), row.getSignsUntil().toInstant(ZoneOffset.UTC));
			}
			catch (ParseException e) {
				throw new IllegalStateException("Unreadable signing key " + row.getKid(), e);
			}
		});
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
