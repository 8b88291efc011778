package club.icourse.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the school's people read them, in both apps: in its time zone
 * ({@code TIME_ZONE}, {@code icourse.time-zone}, China time by default), where everything
 * is stored and computed in UTC. Templates call {@code ${@schoolTime.dateTime(at)}}
 * (labelled with the offset, for times that matter to the minute),
 * {@code ${@schoolTime.dateTimeSeconds(at)}} (logs) or {@code ${@schoolTime.date(at)}}.
 */
public class SchoolTime {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ZoneId zone;

	public SchoolTime(ZoneId zone) {
		this.zone = zone;
	}

	public ZoneId zone() {
		return zone;
	}

	/** "2026-12-08 01:30 UTC+8"; empty for no time. */
	public String dateTime(Instant at) {
		return at == null ? "" : DATE_TIME.format(at.atZone(zone)) + " " + label(zone.getRules().getOffset(at));
	}

	/** "2026-12-08 01:30:05 UTC+8", for logs; empty for no time. */
	public String dateTimeSeconds(Instant at) {
		return at == null ? "" : DATE_TIME_SECONDS.format(at.atZone(zone)) + " " + label(zone.getRules().getOffset(at));
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
