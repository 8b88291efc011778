package club.icourse.web.retry;

import java.lang.reflect.Method;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The retry condition of {@link RetriedWhenRolledBack}: the method's own transaction was
 * surely rolled back and no caller's transaction is open. A method that is not
 * transactional ran its statements one by one (each its own commit), so only a deadlock,
 * which undoes the statement, is retried there.
 */
final class RolledBackTransactions implements MethodRetryPredicate {

	@Override
	public boolean shouldRetry(Method method, Throwable failure) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return false;
		}
		return transactional(method) ? DatabaseFailures.rolledBackTransaction(failure)
				: DatabaseFailures.isDeadlock(failure);
	}

	private static boolean transactional(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, Transactional.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), Transactional.class);
	}

}
