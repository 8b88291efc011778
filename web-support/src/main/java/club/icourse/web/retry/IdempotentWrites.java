package club.icourse.web.retry;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a write that leaves the same rows however often it runs (an upsert of a whole row,
 * an insert that ignores its duplicate) again when the database failed under it in any
 * passing way, even during its commit, when nobody can know whether it was committed:
 * running it again is what makes sure. For writes that are not called through a Spring
 * proxy (the authorization server's grant store). Not inside a caller's transaction,
 * which the failure ended too.
 */
public final class IdempotentWrites {

	private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
		.predicate(failure -> DatabaseFailures.isPassing(failure)
				&& !TransactionSynchronizationManager.isActualTransactionActive())
		.maxRetries(3)
		.delay(Duration.ofMillis(50))
		.jitter(Duration.ofMillis(25))
		.multiplier(2)
		.maxDelay(Duration.ofMillis(500))
		.build());

	public void run(Runnable write) {
		retry.invoke(write);
	}

	public <T> T run(Supplier<T> write) {
		return retry.invoke(write);
	}

}
