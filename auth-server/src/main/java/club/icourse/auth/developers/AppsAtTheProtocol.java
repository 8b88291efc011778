package club.icourse.auth.developers;

import club.icourse.auth.oauth.ClientPresentation;
import club.icourse.auth.oauth.ClientSignedIn;
import club.icourse.auth.oauth.ClientUseRule;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the protocol asks the portal, answered from {@link DeveloperApps}: who may use an
 * app, how the consent page presents it, and the sign-ins it counts.
 */
@Component
class AppsAtTheProtocol implements ClientUseRule, ClientPresentation {

	private final DeveloperApps apps;

	AppsAtTheProtocol(DeveloperApps apps) {
		this.apps = apps;
	}

	@Override
	public boolean mayUse(String clientId, String subject) {
		return apps.mayUseBySubject(clientId, subject);
	}

	@Override
	public Optional<Presented> of(String clientId) {
		return apps.find(clientId)
			.map(app -> new Presented(app.hasLogo() ? app.logoPath() : "", app.ownerUsername(),
					app.status() == AppStatus.APPROVED, app.metadata().homepageUri(), app.metadata().policyUri(),
					app.metadata().tosUri()));
	}

	@EventListener
	void onSignIn(ClientSignedIn signedIn) {
		apps.countSignIn(signedIn.clientId());
	}

}
