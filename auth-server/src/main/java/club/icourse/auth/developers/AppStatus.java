package club.icourse.auth.developers;

/** Where an app stands with the administrators. */
public enum AppStatus {

	/** Waiting for a decision: only its owner and testers may use it. */
	PENDING,
	/** Anyone may use it. */
	APPROVED,
	/** Nobody may use it; its owner still sees it, with the reason. */
	REFUSED

}
