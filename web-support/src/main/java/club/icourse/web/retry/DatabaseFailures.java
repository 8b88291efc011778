package club.icourse.web.retry;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Reads a failure for what it says about the database: whether it is passing (a node
 * lost, a deadlock, a node not yet ready) and whether the transaction it ended surely
 * wrote nothing.
 */
public final class DatabaseFailures {

	/** ER_LOCK_DEADLOCK: also Galera's answer to a certification conflict. */
	private static final int DEADLOCK = 1213;

	/** ER_LOCK_WAIT_TIMEOUT: the statement failed, the transaction still stands. */
	private static final int LOCK_WAIT_TIMEOUT = 1205;

	/**
	 * ER_UNKNOWN_COM_ERROR: what a Galera node outside the primary component (or still
	 * joining) answers to every statement: "WSREP has not yet prepared node for
	 * application use".
	 */
	private static final int NODE_NOT_READY = 1047;

	private DatabaseFailures() {
	}

	/**
	 * Whether the failure is the database's passing trouble rather than a fault of the
	 * request or the code: worth a 503 and a later try.
	 */
	public static boolean isPassing(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			if (cause instanceof SQLException sql && isPassing(sql)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPassing(SQLException sql) {
		String state = sql.getSQLState() == null ? "" : sql.getSQLState();
		return sql instanceof SQLTransientException || sql instanceof SQLNonTransientConnectionException
				|| sql instanceof SQLRecoverableException || state.startsWith("08") || state.equals("40001")
				|| sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
				|| sql.getErrorCode() == NODE_NOT_READY;
	}

	/**
	 * Whether the failure ended a transaction that surely changed nothing, so that
	 * running it again from the start cannot write anything twice: a deadlock (the
	 * database rolled the transaction back: on Galera also a certification conflict at
	 * commit), or a passing failure anywhere before the commit (a transaction lost with
	 * its connection never reached the other nodes, which only see a transaction at its
	 * commit). A connection lost during the commit itself is not: the other nodes may
	 * have committed it.
	 */
	public static boolean rolledBackTransaction(Throwable failure) {
		return isDeadlock(failure) || (isPassing(failure) && !duringCommit(failure));
	}

	static boolean isDeadlock(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& (sql.getErrorCode() == DEADLOCK || "40001".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * MariaDB Connector/J says "... during a COMMIT statement" when the connection was
	 * lost during a commit; Spring's transaction manager says "JDBC commit" of whatever
	 * failed while committing.
	 */
	private static boolean duringCommit(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("during a commit") || message.contains("jdbc commit")) {
				return true;
			}
		}
		return false;
	}

}
