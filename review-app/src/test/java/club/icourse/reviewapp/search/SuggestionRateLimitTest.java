package club.icourse.reviewapp.search;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.web.ClientAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The suggestion limit is kept in MariaDB and keyed by the client behind the balancer:
 * two instances behind one balancer draw from one bucket per client, and clients do not
 * share a bucket because they share a balancer.
 */
@ReviewAppTest
class SuggestionRateLimitTest {

	private static final String BALANCER = "10.0.0.2";

	@Autowired
	DataSource dataSource;

	private final ClientAddress behindTheBalancer = new ClientAddress(List.of("10.0.0.0/24"));

	@Test
	void twoInstancesBehindTheBalancerShareEachClientsBucket() {
		SuggestionRateLimit first = instance();
		SuggestionRateLimit second = instance();
		String client = randomAddress();

		assertThat(first.waitBefore(forwardedFor(client))).isEmpty();
		assertThat(second.waitBefore(forwardedFor(client))).isEmpty();
		assertThat(first.waitBefore(forwardedFor(client))).isEmpty();

		assertThat(second.waitBefore(forwardedFor(client))).as("the fourth, at the other instance")
			.hasValueSatisfying(wait -> assertThat(wait).isPositive());
		assertThat(first.waitBefore(forwardedFor("198.51.100.1, " + client)))
			.as("what the client writes to the left of the balancer's entry is ignored")
			.isPresent();
		assertThat(second.waitBefore(forwardedFor(randomAddress()))).as("another client behind the same balancer")
			.isEmpty();
	}

	@Test
	void anAddressForwardedByAnUntrustedPeerIsNotBelieved() {
		SuggestionRateLimit limit = instance();
		String client = randomAddress();
		for (int i = 0; i < 3; i++) {
			assertThat(limit.waitBefore(forwardedFor(client))).isEmpty();
		}

		MockHttpServletRequest spoofed = new MockHttpServletRequest("GET", "/search/suggestions");
		spoofed.setRemoteAddr(randomAddress());
		spoofed.addHeader("X-Forwarded-For", client);
		assertThat(limit.waitBefore(spoofed)).as("counted for its own address").isEmpty();
	}

	private SuggestionRateLimit instance() {
		return new SuggestionRateLimit(dataSource, behindTheBalancer, 3, Duration.ofHours(1));
	}

	private static MockHttpServletRequest forwardedFor(String forwarded) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/search/suggestions");
		request.setRemoteAddr(BALANCER);
		request.addHeader("X-Forwarded-For", forwarded);
		return request;
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
