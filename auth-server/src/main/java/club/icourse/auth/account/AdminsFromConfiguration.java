package club.icourse.auth.account;

import club.icourse.shared.Role;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrators come from configuration ({@code icourse.accounts.admins}): an
 * account registered with one of those addresses is an administrator, whether it
 * registered before or after the address was configured. Registration grants the role to
 * new accounts; this grants it to existing ones at start-up. Removing an address from the
 * list does not take the role away: that is a decision for an administrator, not a side
 * effect of a restart.
 */
@Component
class AdminsFromConfiguration {

	private final AccountRepository accounts;

	private final AccountProperties properties;

	AdminsFromConfiguration(AccountRepository accounts, AccountProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@EventListener(ApplicationStartedEvent.class)
	void grant() {
		for (String address : properties.admins()) {
			accounts.findByEmail(address)
				.filter(account -> !account.isAdmin())
				.ifPresent(account -> accounts.grant(account.id(), Role.ADMIN));
		}
	}

}
