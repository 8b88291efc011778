package club.icourse.web.retry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.resilience.annotation.Retryable;

/**
 * On a {@code @Transactional} method (or every method of such a class): when the
 * transaction failed in a way that surely rolled it back (see
 * {@link DatabaseFailures#rolledBackTransaction}), it runs again, in a new transaction,
 * up to three more times within about a second; on a Galera cluster a certification
 * conflict or a node lost mid-transaction then costs a moment, not the request. Never
 * when the method ran inside a caller's transaction: that one is lost too, and only its
 * own boundary can start it again. Spring's retry advice wraps the transaction's (it is
 * put before existing advisors).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(predicate = RolledBackTransactions.class, maxRetries = 3, delay = 50, jitter = 25, multiplier = 2,
		maxDelay = 500)
public @interface RetriedWhenRolledBack {

}
