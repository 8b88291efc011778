package club.icourse.auth.oauth;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a signing key in service and its successor published ahead of time, from start-up
 * on.
 */
@Component
class SigningKeyRotation {

	private final SigningKeys keys;

	SigningKeyRotation(SigningKeys keys) {
		this.keys = keys;
	}

	@EventListener(ApplicationStartedEvent.class)
	void atStartUp() {
		keys.rotate();
	}

	/** One instance at a time, so that two never add a successor key each. */
	@Scheduled(fixedDelayString = "${icourse.oidc.key-check-interval:10m}",
			initialDelayString = "${icourse.oidc.key-check-interval:10m}")
	@SchedulerLock(name = "oauth.signing-key-rotation")
	void onSchedule() {
		keys.rotate();
	}

}
