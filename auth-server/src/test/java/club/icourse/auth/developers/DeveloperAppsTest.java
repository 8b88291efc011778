package club.icourse.auth.developers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's service: registration, who may use a pending app, the decision. */
@AuthServerTest
class DeveloperAppsTest {

	@LocalServerPort
	int port;

	@Autowired
	DeveloperApps apps;

	@Autowired
	AccountRepository accounts;

	@Autowired
	AuditLog audit;

	static ClientDefinition client(String... redirectUris) {
		return new ClientDefinition("", "Timetable helper", true, true, List.of(redirectUris), List.of(), "",
				Set.of("openid", "profile"), false, null, null, null);
	}

	long id(Person person) {
		return accounts.findCredentials(person.email()).orElseThrow().account().id();
	}

	@Test
	void aPendingAppIsForItsOwnerAndTestersUntilApproved() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);
		Person tester = TestAccounts.registerAndConfirm(port);
		Person stranger = TestAccounts.registerAndConfirm(port);

		DeveloperApps.Registered registered = apps.register(id(owner), client("https://timetable.example/callback"),
				new AppMetadata("https://timetable.example", "https://timetable.example/privacy", ""));
		String clientId = registered.app().clientId();
		apps.addTester(clientId, id(owner), tester.username());

		assertThat(registered.secret()).isNotBlank();
		assertThat(registered.app().status()).isEqualTo(AppStatus.PENDING);
		assertThat(registered.app().ownerUsername()).isEqualTo(owner.username());
		assertThat(apps.mayUse(clientId, id(owner))).isTrue();
		assertThat(apps.mayUse(clientId, id(tester))).isTrue();
		assertThat(apps.mayUse(clientId, id(stranger))).isFalse();
		assertThat(apps.pending()).extracting(DeveloperApp::clientId).contains(clientId);

		apps.approve(clientId, "looks fine", new Actor("admin-subject", "admin"));

		assertThat(apps.mayUse(clientId, id(stranger))).isTrue();
		assertThat(apps.find(clientId).orElseThrow().status()).isEqualTo(AppStatus.APPROVED);
		assertThat(audit.latest(clientId, null, 10)).extracting(AuditLog.Event::action)
			.contains("developer-app.approved", "developer-app.tester-added", "developer-app.registered");

		apps.refuse(clientId, "collects passwords", new Actor("admin-subject", "admin"));
		assertThat(apps.mayUse(clientId, id(owner))).isFalse();
		assertThat(apps.find(clientId).orElseThrow().decisionReason()).isEqualTo("collects passwords");
	}

	@Test
	void clientsAnAdministratorRegisteredNeedNoApproval() {
		assertThat(apps.mayUse("no-such-developer-app", 1L)).isTrue();
	}

	@Test
	void badInputIsRefusedWithEveryProblemAndNothingSaved() throws Exception {
		Person owner = TestAccounts.registerAndConfirm(port);

		assertThatThrownBy(() -> apps.register(id(owner), client("http://timetable.example/cb#frag"),
				new AppMetadata("ftp://timetable.example", "", "")))
			.isInstanceOfSatisfying(DeveloperAppRefusedException.class,
					refused -> assertThat(refused.problems()).extracting(ClientProblem::field, ClientProblem::code)
						.contains(org.assertj.core.groups.Tuple.tuple("redirectUris", "uri-malformed"),
								org.assertj.core.groups.Tuple.tuple("homepageUri", "uri-not-https")));
		assertThat(apps.ownedBy(id(owner))).isEmpty();
	}

}
