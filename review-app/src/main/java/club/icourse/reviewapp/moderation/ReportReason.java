package club.icourse.reviewapp.moderation;

import java.util.Arrays;
import java.util.Optional;

/** Why something is reported; message key {@code report.reason.<value>}. */
public enum ReportReason {

	SPAM("spam"), ABUSE("abuse"), PERSONAL_INFORMATION("personal-information"), OFF_TOPIC("off-topic"),
	FALSE_INFORMATION("false-information"), OTHER("other");

	private final String value;

	ReportReason(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	public static Optional<ReportReason> of(String value) {
		return Arrays.stream(values()).filter(reason -> reason.value.equals(value)).findFirst();
	}

}
