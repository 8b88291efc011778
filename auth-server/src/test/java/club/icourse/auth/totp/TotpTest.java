package club.icourse.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The codes of RFC 6238's Appendix B, and Base32 as RFC 4648 spells it. */
class TotpTest {

	private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void theRfcTestVectors(long unixTime, String sha1, String sha256, String sha512) {
		long step = Totp.step(Instant.ofEpochSecond(unixTime));
		assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
		assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
		assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
	}

	@Test
	void sixDigitCodesAreTheLastSixOfTheEightKeptWithTheirLeadingZeros() {
		long step = Totp.step(Instant.ofEpochSecond(1111111109));
		assertThat(Totp.code(SHA1_SEED, step)).isEqualTo("081804");
	}

	@Test
	void base32AsRfc4648SpellsItWithoutPadding() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		assertThat(new String(Totp.fromBase32("mzxw 6ytb oi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		assertThat(Totp.fromBase32(Totp.base32(SHA512_SEED))).isEqualTo(SHA512_SEED);
	}

}
