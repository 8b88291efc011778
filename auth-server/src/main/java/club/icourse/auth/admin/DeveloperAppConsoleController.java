package club.icourse.auth.admin;

import club.icourse.auth.account.Actors;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.developers.AppStatus;
import club.icourse.auth.developers.DeveloperApp;
import club.icourse.auth.developers.DeveloperAppRefusedException;
import club.icourse.auth.developers.DeveloperApps;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The approval queue of apps people registered: the pending ones, oldest first, each
 * approved or refused with a reason (refusing needs one: the owner sees it); and the
 * decided ones, whose decision can be changed. Every decision is audited.
 */
@Controller
@RequestMapping("/admin/developer-apps")
class DeveloperAppConsoleController {

	static final String VIEW = "admin/developer-apps";

	private final DeveloperApps apps;

	private final ClientRegistry clients;

	private final Actors actors;

	DeveloperAppConsoleController(DeveloperApps apps, ClientRegistry clients, Actors actors) {
		this.apps = apps;
		this.clients = clients;
		this.actors = actors;
	}

	@GetMapping
	String queue(Model model) {
		List<DeveloperApp> pending = apps.pending();
		model.addAttribute("pending", pending);
		model.addAttribute("redirects",
				pending.stream()
					.collect(Collectors.toMap(DeveloperApp::clientId,
							app -> clients.find(app.clientId())
								.map(listing -> listing.definition().redirectUris())
								.orElse(List.of()),
							(a, b) -> a)));
		model.addAttribute("decided", apps.all().stream().filter(app -> app.status() != AppStatus.PENDING).toList());
		return VIEW;
	}

	@PostMapping("/{clientId}/decision")
	String decide(@PathVariable String clientId, @RequestParam AppStatus decision,
			@RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
			HttpServletResponse response) {
		try {
			switch (decision) {
				case APPROVED -> apps.approve(clientId, reason, actors.of(authentication));
				case REFUSED -> apps.refuse(clientId, reason, actors.of(authentication));
				case PENDING -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a decision");
			}
			return "redirect:/admin/developer-apps?decided";
		}
		catch (DeveloperAppRefusedException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", refused.problems().getFirst().messageKey());
			return queue(model);
		}
	}

}
