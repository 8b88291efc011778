package club.icourse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SchoolTimeTest {

	private static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-07T17:30:00Z");

	@Test
	void chinaTimeIsLabelledWithItsOffsetAndMovesTheDay() {
		SchoolTime china = new SchoolTime(ZoneId.of("Asia/Shanghai"));
		assertThat(china.dateTime(LATE_EVENING_UTC)).isEqualTo("2026-12-08 01:30 UTC+8");
		assertThat(china.date(LATE_EVENING_UTC)).isEqualTo("2026-12-08");
		assertThat(china.dateTimeSeconds(LATE_EVENING_UTC.plusSeconds(5))).isEqualTo("2026-12-08 01:30:05 UTC+8");
	}

	@Test
	void anotherSchoolsZone() {
		assertThat(new SchoolTime(ZoneId.of("Asia/Kolkata")).dateTime(LATE_EVENING_UTC))
			.isEqualTo("2026-12-07 23:00 UTC+05:30");
		assertThat(new SchoolTime(ZoneId.of("UTC")).dateTime(LATE_EVENING_UTC)).isEqualTo("2026-12-07 17:30 UTC");
		assertThat(new SchoolTime(ZoneId.of("America/New_York")).dateTime(LATE_EVENING_UTC))
			.isEqualTo("2026-12-07 12:30 UTC-5");
		assertThat(new SchoolTime(ZoneId.of("Asia/Shanghai")).dateTime(null)).isEmpty();
	}

}
