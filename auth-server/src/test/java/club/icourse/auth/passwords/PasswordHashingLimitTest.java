package club.icourse.auth.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.web.retry.ServiceUnavailableAnswer;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingLimitTest {

	/** A hash that takes as long as the test wants. */
	static final class SlowEncoder implements PasswordEncoder {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public String encode(CharSequence raw) {
			started.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return encoded.equals(encode(raw));
		}

	}

	@Test
	void beyondTheRunningHashesAndTheQueueARequestIsRefusedAtOnce() throws Exception {
		SlowEncoder slow = new SlowEncoder();
		PasswordHashingLimit limit = new PasswordHashingLimit(slow,
				new PasswordHashingSettings(1, 0, Duration.ofSeconds(5), null));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> limit.encode("a"));
		assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();

		assertThatThrownBy(() -> limit.encode("b")).isInstanceOf(PasswordHashingBusyException.class);

		slow.release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hash:a");
		assertThat(limit.matches("c", "hash:c")).as("a permit is free again").isTrue();
	}

	@Test
	void aQueuedRequestWaitsForItsTurnOnlyAsLongAsAllowed() throws Exception {
		SlowEncoder slow = new SlowEncoder();
		PasswordHashingLimit limit = new PasswordHashingLimit(slow,
				new PasswordHashingSettings(1, 1, Duration.ofMillis(200), null));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> limit.encode("a"));
		assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();

		long start = System.nanoTime();
		assertThatThrownBy(() -> limit.encode("b")).isInstanceOf(PasswordHashingBusyException.class)
			.extracting(busy -> ((PasswordHashingBusyException) busy).retryAfterSeconds())
			.isEqualTo(1L);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

		CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> limit.encode("c"));
		Thread.sleep(50);
		slow.release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hash:a");
		assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("hash:c");
	}

	@Test
	void aRefusedRequestIsAnswered503WithRetryAfter() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new ServiceUnavailableAnswer().doFilter(new MockHttpServletRequest("POST", "/login"), response,
				new MockFilterChain() {
					@Override
					public void doFilter(ServletRequest request, ServletResponse response) throws ServletException {
						throw new ServletException(new PasswordHashingBusyException(3));
					}
				});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("3");
	}

	@Test
	void otherFailuresPassThrough() {
		assertThatThrownBy(() -> new ServiceUnavailableAnswer().doFilter(new MockHttpServletRequest(),
				new MockHttpServletResponse(), new MockFilterChain() {
					@Override
					public void doFilter(ServletRequest request, ServletResponse response) {
						throw new IllegalStateException("boom");
					}
				}))
			.isInstanceOf(IllegalStateException.class);
	}

}
