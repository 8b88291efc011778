package club.icourse.auth.oauth;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class AuthorizedAppsController {

    private final AuthorizedApps apps;

    AuthorizedAppsController(AuthorizedApps apps) {
        this.apps = apps;
    }

    @PostMapping("/account/apps/{clientId}/revoke")
    String revoke(Authentication authentication, @PathVariable String clientId) {
        apps.revoke(authentication.getName(), clientId);
        return "redirect:/account?appRevoked";
    }
}
