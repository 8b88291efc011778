package club.icourse.reviewapp.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as the school's people read them: in its time zone ({@code TIME_ZONE}, China time
 * by default), where everything is stored and computed in UTC. Templates call
 * {@code ${@schoolTime.dateTime(at)}} (labelled with the offset, for times that matter to
 * the minute) or {@code ${@schoolTime.date(at)}}.
 */
@Component
public class SchoolTime {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ZoneId zone;

	SchoolTime(@Value("${icourse.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.zone = zone;
	}

	public ZoneId zone() {
		return zone;
	}

	/** "2026-12-08 01:30 UTC+8"; empty for no time. */
	public String dateTime(Instant at) {
		return at == null ? "" : DATE_TIME.format(at.atZone(zone)) + " " + label(zone.getRules().getOffset(at));
	}

	/** The day in the school's zone, "2026-12-08". */
	public String date(Instant at) {
		return at == null ? "" : DATE.format(at.atZone(zone));
	}

	private static String label(ZoneOffset offset) {
		int seconds = offset.getTotalSeconds();
		if (seconds == 0) {
			return "UTC";
		}
		return "UTC" + (seconds % 3600 == 0 ? (seconds > 0 ? "+" : "-") + Math.abs(seconds / 3600) : offset.getId());
	}

}
