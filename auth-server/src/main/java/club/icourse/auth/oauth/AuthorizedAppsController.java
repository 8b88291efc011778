package club.icourse.auth.oauth;

import club.icourse.auth.account.Actors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class AuthorizedAppsController {

	private final AuthorizedApps apps;

	private final Actors actors;

	AuthorizedAppsController(AuthorizedApps apps, Actors actors) {
		this.apps = apps;
		this.actors = actors;
	}

	@PostMapping("/account/apps/{clientId}/revoke")
	String revoke(Authentication authentication, @PathVariable String clientId) {
		apps.revoke(actors.of(authentication), clientId);
		return "redirect:/account?appRevoked";
	}

}
