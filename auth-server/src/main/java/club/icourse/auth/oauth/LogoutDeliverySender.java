package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.LOGOUT_DELIVERY;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the queued logout tokens ({@link LogoutDeliveries}) as the mail outbox
 * delivers mail: each instance claims due rows with {@code FOR UPDATE SKIP LOCKED} and a
 * lease in a short transaction, then signs each token (fresh {@code iat}, current key)
 * and posts it outside any transaction. A 2xx answer delivers it; anything else is tried
 * again with exponential back-off until the row is a few days old.
 */
@Service
class LogoutDeliverySender {

	private record Due(long id, String clientId, String issuer, String subject, String events, int attempts,
			LocalDateTime createdAt) {
	}

	private static final Logger log = LoggerFactory.getLogger(LogoutDeliverySender.class);

	private static final int BATCH = 20;

	private static final Duration LEASE = Duration.ofMinutes(1);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private static final int ERROR_LENGTH = 500;

	private static final Duration KEEP_FINISHED = Duration.ofDays(30);

	private final DSLContext dsl;

	private final TransactionTemplate transaction;

	private final RegisteredClientRepository clients;

	private final LogoutTokens tokens;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Duration giveUpAfter;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	LogoutDeliverySender(DSLContext dsl, PlatformTransactionManager transactions, RegisteredClientRepository clients,
			LogoutTokens tokens, Clock clock, MeterRegistry meters,
			@Value("${icourse.logout-delivery.give-up-after:3d}") Duration giveUpAfter) {
		this.dsl = dsl;
		// READ COMMITTED: the claim locks only the rows it takes.
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.clients = clients;
		this.tokens = tokens;
		this.clock = clock;
		this.meters = meters;
		this.giveUpAfter = giveUpAfter;
		meters.gauge("icourse.logout-deliveries.oldest.age", this, LogoutDeliverySender::oldestUndeliveredAgeSeconds);
	}

	@Scheduled(fixedDelayString = "${icourse.logout-delivery.poll-delay:2s}")
	void poll() {
		sendDue();
	}

	/** Sends every token that is due now; returns how many were delivered. */
	int sendDue() {
		int delivered = 0;
		List<Due> batch;
		do {
			try {
				batch = transaction.execute(status -> claimDue());
			}
			catch (PessimisticLockingFailureException contended) {
				return delivered;
			}
			for (Due due : batch) {
				if (deliver(due)) {
					delivered++;
				}
			}
		}
		while (batch.size() == BATCH);
		return delivered;
	}

	private List<Due> claimDue() {
		LocalDateTime now = now();
		List<Due> due = dsl
			.select(LOGOUT_DELIVERY.ID, LOGOUT_DELIVERY.CLIENT_ID, LOGOUT_DELIVERY.ISSUER, LOGOUT_DELIVERY.SUBJECT,
					LOGOUT_DELIVERY.EVENTS, LOGOUT_DELIVERY.ATTEMPTS, LOGOUT_DELIVERY.CREATED_AT)
			.from(LOGOUT_DELIVERY)
			.where(LOGOUT_DELIVERY.DELIVERED_AT.isNull())
			.and(LOGOUT_DELIVERY.FAILED_AT.isNull())
			.and(LOGOUT_DELIVERY.NEXT_ATTEMPT_AT.le(now))
			.orderBy(LOGOUT_DELIVERY.NEXT_ATTEMPT_AT)
			.limit(BATCH)
			.forUpdate()
			.skipLocked()
			.fetch(r -> new Due(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
		if (!due.isEmpty()) {
			dsl.update(LOGOUT_DELIVERY)
				.set(LOGOUT_DELIVERY.NEXT_ATTEMPT_AT, now.plus(LEASE))
				.where(LOGOUT_DELIVERY.ID.in(due.stream().map(Due::id).toList()))
				.execute();
		}
		return due;
	}

	private boolean deliver(Due due) {
		RegisteredClient client = clients.findByClientId(due.clientId());
		Object uri = client == null ? null
				: client.getClientSettings().getSetting(ClientOptions.BACKCHANNEL_LOGOUT_URI);
		if (!(uri instanceof String logoutUri) || logoutUri.isBlank()) {
			// The client is gone or no longer takes logout tokens: nobody to tell.
			finish(due, LOGOUT_DELIVERY.FAILED_AT, "client without a back-channel logout URI", "dropped");
			return false;
		}
		String problem;
		try {
			String token = tokens.sign(due.issuer(), due.clientId(), due.subject(), null,
					Arrays.asList(due.events().split(" ")));
			HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(logoutUri))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (answer.statusCode() / 100 == 2) {
				finish(due, LOGOUT_DELIVERY.DELIVERED_AT, null, "delivered");
				return true;
			}
			problem = "HTTP " + answer.statusCode();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			problem = e.toString();
		}
		catch (Exception e) {
			problem = e.toString();
		}
		retryLater(due, problem);
		return false;
	}

	private void finish(Due due, TableField<?, LocalDateTime> when, String error, String outcome) {
		dsl.update(LOGOUT_DELIVERY)
			.set(when, now())
			.set(LOGOUT_DELIVERY.ATTEMPTS, due.attempts() + 1)
			.set(LOGOUT_DELIVERY.LAST_ERROR, error)
			.where(LOGOUT_DELIVERY.ID.eq(due.id()))
			.execute();
		meters.counter("icourse.logout-deliveries", "outcome", outcome).increment();
	}

	private void retryLater(Due due, String problem) {
		int attempts = due.attempts() + 1;
		LocalDateTime now = now();
		boolean givenUp = due.createdAt().plus(giveUpAfter).isBefore(now);
		dsl.update(LOGOUT_DELIVERY)
			.set(LOGOUT_DELIVERY.ATTEMPTS, attempts)
			.set(LOGOUT_DELIVERY.NEXT_ATTEMPT_AT, now.plus(retryDelay(attempts)))
			.set(LOGOUT_DELIVERY.FAILED_AT, givenUp ? now : null)
			.set(LOGOUT_DELIVERY.LAST_ERROR, problem.substring(0, Math.min(problem.length(), ERROR_LENGTH)))
			.where(LOGOUT_DELIVERY.ID.eq(due.id()))
			.execute();
		meters.counter("icourse.logout-deliveries", "outcome", givenUp ? "given-up" : "failed").increment();
		if (givenUp) {
			log.warn("Gave up the logout token {} for client {} after {} attempts: {}", due.id(), due.clientId(),
					attempts, problem);
		}
		else {
			log.info("Logout token {} for client {} not delivered (attempt {}), will retry: {}", due.id(),
					due.clientId(), attempts, problem);
		}
	}

	static Duration retryDelay(int attempts) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
	}

	/**
	 * Forgets delivered and abandoned tokens after a while: the rows name people. One
	 * instance at a time.
	 */
	@Scheduled(fixedDelayString = "${icourse.logout-delivery.cleanup-delay:1h}",
			initialDelayString = "${icourse.logout-delivery.cleanup-delay:1h}")
	@SchedulerLock(name = "oauth.logout-delivery-cleanup")
	void forgetOldDeliveries() {
		LocalDateTime before = now().minus(KEEP_FINISHED);
		dsl.deleteFrom(LOGOUT_DELIVERY)
			.where(LOGOUT_DELIVERY.DELIVERED_AT.lt(before))
			.or(LOGOUT_DELIVERY.FAILED_AT.lt(before))
			.execute();
	}

	private double oldestUndeliveredAgeSeconds() {
		LocalDateTime oldest = dsl.select(DSL.min(LOGOUT_DELIVERY.CREATED_AT))
			.from(LOGOUT_DELIVERY)
			.where(LOGOUT_DELIVERY.DELIVERED_AT.isNull())
			.and(LOGOUT_DELIVERY.FAILED_AT.isNull())
			.fetchOne(0, LocalDateTime.class);
		return oldest == null ? 0 : Duration.between(oldest, now()).toSeconds();
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
