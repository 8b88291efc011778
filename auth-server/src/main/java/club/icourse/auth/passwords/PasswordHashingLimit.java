package club.icourse.auth.passwords;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing (Argon2id, 16 MiB and a few hundred milliseconds of one core each) at
 * most as many at once as there are cores: more at once only makes every one slower and
 * multiplies the memory (16 at once drove the heap to gigabytes). The others wait their
 * turn, a bounded number for a bounded time; beyond that the request is refused with
 * {@link PasswordHashingBusyException} rather than piling up.
 */
public final class PasswordHashingLimit implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore running;

	private final AtomicInteger waiting = new AtomicInteger();

	private final PasswordHashingSettings settings;

	public PasswordHashingLimit(PasswordEncoder delegate, PasswordHashingSettings settings) {
		this.delegate = delegate;
		this.settings = settings;
		this.running = new Semaphore(settings.permits(), true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return limited(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return limited(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private <T> T limited(Supplier<T> hashing) {
		if (!this.running.tryAcquire()) {
			waitForTurn();
		}
		try {
			return hashing.get();
		}
		finally {
			this.running.release();
		}
	}

	private void waitForTurn() {
		if (this.waiting.incrementAndGet() > this.settings.queue()) {
			this.waiting.decrementAndGet();
			throw busy();
		}
		try {
			if (!this.running.tryAcquire(this.settings.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw busy();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw busy();
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	private PasswordHashingBusyException busy() {
		return new PasswordHashingBusyException(Math.max(1, this.settings.maxWait().toSeconds()));
	}

}
