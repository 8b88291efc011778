package club.icourse.auth.oauth;

import club.icourse.auth.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells the sites a deleted account signed in to, durably, with back-channel logout
 * carrying the RISC account-purged event (docs/account-deletion.md). Runs before
 * {@link AuthorizedApps} removes the grants that say which sites those are.
 */
@Component
class AccountDeletionNotices {

	private final LogoutDeliveries deliveries;

	AccountDeletionNotices(LogoutDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void onAccountDeleted(AccountDeleted deleted) {
		deliveries.accountPurged(deleted.subject());
	}

}
