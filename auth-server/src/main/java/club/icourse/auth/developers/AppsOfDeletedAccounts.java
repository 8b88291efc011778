package club.icourse.auth.developers;

import static club.icourse.db.auth.Tables.DEVELOPER_APP;
import static club.icourse.db.auth.Tables.DEVELOPER_APP_TESTER;

import club.icourse.auth.account.AccountDeleted;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientRegistry;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What becomes of a deleted account's apps. Nobody can transfer them any more (only the
 * owner transfers), and an app whose owner is gone has nobody answering for it: each is
 * switched off, which revokes every token it holds, and stays listed in the console,
 * where an administrator may switch it on again or delete it. The account also stops
 * being a tester of other people's apps. In the deleting transaction: all or nothing.
 */
@Service
class AppsOfDeletedAccounts {

	private final DSLContext dsl;

	private final ClientRegistry clients;

	private final AuditLog audit;

	AppsOfDeletedAccounts(DSLContext dsl, ClientRegistry clients, AuditLog audit) {
		this.dsl = dsl;
		this.clients = clients;
		this.audit = audit;
	}

	@EventListener
	void onAccountDeleted(AccountDeleted deleted) {
		List<String> owned = dsl.select(DEVELOPER_APP.CLIENT_ID)
			.from(DEVELOPER_APP)
			.where(DEVELOPER_APP.OWNER_ACCOUNT_ID.eq(deleted.accountId()))
			.fetch(DEVELOPER_APP.CLIENT_ID);
		for (String clientId : owned) {
			clients.disable(clientId, Actor.SYSTEM);
			audit.record(Actor.SYSTEM, "developer-app.owner-deleted", clientId, "switched off, its tokens revoked");
		}
		dsl.deleteFrom(DEVELOPER_APP_TESTER).where(DEVELOPER_APP_TESTER.ACCOUNT_ID.eq(deleted.accountId())).execute();
	}

}
