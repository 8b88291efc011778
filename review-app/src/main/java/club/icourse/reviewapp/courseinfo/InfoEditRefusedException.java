package club.icourse.reviewapp.courseinfo;

/** The edit is refused: {@code info.problem.<code>} says why. */
public class InfoEditRefusedException extends RuntimeException {

	private final String code;

	InfoEditRefusedException(String code) {
		super(code);
		this.code = code;
	}

	public String messageKey() {
		return "info.problem." + code;
	}

}
