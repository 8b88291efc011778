package club.icourse.auth.developers;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientProblem;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.oauth.PreviousClientSecrets;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The developer portal's pages, for any signed-in (so confirmed) account: register an
 * app, list one's apps, and on an app's page its status, testers, secret, sign-ins per
 * day, logo, transfer and deletion. Refused input shows the same page again with a 400
 * and every problem; an app of someone else's is a 404.
 */
@Controller
@RequestMapping(DeveloperPortalController.PATH)
class DeveloperPortalController {

	static final String PATH = "/developers";

	private static final String NEW_SECRET = "newSecret";

	private static final int SIGN_IN_DAYS = 30;

	private static final Set<String> FORM_FIELDS = Set.of("name", "homepageUri", "policyUri", "tosUri", "redirectUris",
			"backchannelLogoutUri", "scopes", "confidential");

	private final DeveloperApps apps;

	private final AccountRepository accounts;

	private final ClientRegistry clients;

	private final PreviousClientSecrets previousSecrets;

	private final DeveloperSettings settings;

	private final Clock clock;

	DeveloperPortalController(DeveloperApps apps, AccountRepository accounts, ClientRegistry clients,
			PreviousClientSecrets previousSecrets, DeveloperSettings settings, Clock clock) {
		this.apps = apps;
		this.accounts = accounts;
		this.clients = clients;
		this.previousSecrets = previousSecrets;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	String list(Principal principal, Model model) {
		model.addAttribute("apps", apps.ownedBy(account(principal).id()));
		return "developers/apps";
	}

	@GetMapping("/new")
	String newApp(Model model) {
		return form(model, new AppForm());
	}

	@PostMapping("/apps")
	String register(@ModelAttribute("app") AppForm form, BindingResult errors,
			@RequestParam(name = "logo", required = false) MultipartFile logo, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		try {
			DeveloperApps.Registered registered = apps.register(account(principal).id(), form.toDefinition(),
					form.toMetadata(), logo == null ? null : logo.getBytes());
			redirect.addFlashAttribute(NEW_SECRET, registered.secret());
			return "redirect:" + PATH + "/apps/" + registered.app().clientId() + "?registered";
		}
		catch (DeveloperAppRefusedException refused) {
			refused.problems().forEach(problem -> reject(errors, problem));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, form);
		}
	}

	@GetMapping("/apps/{clientId}")
	String app(@PathVariable String clientId, Principal principal, Model model) {
		return appPage(clientId, account(principal), model, List.of());
	}

	@PostMapping("/apps/{clientId}/testers")
	String addTester(@PathVariable String clientId, @RequestParam(defaultValue = "") String tester, Principal principal,
			Model model, HttpServletResponse response) {
		return act(clientId, principal, model, response, owner -> apps.addTester(clientId, owner, tester));
	}

	@PostMapping("/apps/{clientId}/testers/{accountId}/remove")
	String removeTester(@PathVariable String clientId, @PathVariable long accountId, Principal principal, Model model,
			HttpServletResponse response) {
		return act(clientId, principal, model, response, owner -> apps.removeTester(clientId, owner, accountId));
	}

	@PostMapping("/apps/{clientId}/logo")
	String changeLogo(@PathVariable String clientId, @RequestParam(name = "logo", required = false) MultipartFile logo,
			Principal principal, Model model, HttpServletResponse response) throws IOException {
		byte[] upload = logo == null ? new byte[0] : logo.getBytes();
		return act(clientId, principal, model, response, owner -> apps.changeLogo(clientId, owner, upload));
	}

	@PostMapping("/apps/{clientId}/secret")
	String rotateSecret(@PathVariable String clientId, Principal principal, RedirectAttributes redirect) {
		redirect.addFlashAttribute(NEW_SECRET, apps.rotateSecret(clientId, account(principal).id()));
		return "redirect:" + PATH + "/apps/" + clientId + "?rotated";
	}

	@PostMapping("/apps/{clientId}/transfer")
	String transfer(@PathVariable String clientId, @RequestParam(defaultValue = "") String newOwner,
			Principal principal, Model model, HttpServletResponse response) {
		Account owner = account(principal);
		try {
			apps.transfer(clientId, owner.id(), newOwner);
			return "redirect:" + PATH + "?transferred";
		}
		catch (DeveloperAppRefusedException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return appPage(clientId, owner, model, refused.problems());
		}
	}

	@PostMapping("/apps/{clientId}/delete")
	String delete(@PathVariable String clientId, Principal principal) {
		apps.delete(clientId, account(principal).id());
		return "redirect:" + PATH + "?deleted";
	}

	/** Anyone's (the consent page shows it); its address changes with every new logo. */
	@GetMapping("/apps/{clientId}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String clientId) {
		return apps.logo(clientId)
			.map(png -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
				.body(png))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	private interface OwnerAction {

		void run(long ownerAccountId);

	}

	/**
	 * Runs an owner's change and shows the app page again, with its problems if refused.
	 */
	private String act(String clientId, Principal principal, Model model, HttpServletResponse response,
			OwnerAction action) {
		Account owner = account(principal);
		try {
			action.run(owner.id());
			return "redirect:" + PATH + "/apps/" + clientId + "?saved";
		}
		catch (DeveloperAppRefusedException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return appPage(clientId, owner, model, refused.problems());
		}
	}

	private String appPage(String clientId, Account owner, Model model, List<ClientProblem> problems) {
		DeveloperApp app = apps.owned(clientId, owner.id());
		model.addAttribute("app", app);
		model.addAttribute("client", clients.find(clientId).map(ClientRegistry.Listing::definition).orElseThrow());
		model.addAttribute("testers", apps.testers(clientId));
		model.addAttribute("maxTesters", settings.maxTesters());
		model.addAttribute("signIns", apps.signIns(clientId, SIGN_IN_DAYS));
		model.addAttribute("signInDays", SIGN_IN_DAYS);
		model.addAttribute("previousSecretUntil", previousSecrets.validUntil(clientId, clock.instant()).orElse(null));
		model.addAttribute("graceDays", settings.secretGrace().toDays());
		model.addAttribute("problems", problems);
		return "developers/app";
	}

	private String form(Model model, AppForm form) {
		model.addAttribute("app", form);
		model.addAttribute("personScopes", ClientDefinition.PERSON_SCOPES);
		return "developers/new";
	}

	/**
	 * On its field when the form has it; above the form otherwise (the logo, the number
	 * of apps).
	 */
	private static void reject(BindingResult errors, ClientProblem problem) {
		Object[] value = { problem.value() };
		if (FORM_FIELDS.contains(problem.field())) {
			errors.rejectValue(problem.field(), problem.messageKey(), value, problem.code());
		}
		else {
			errors.reject(problem.messageKey(), value, problem.code());
		}
	}

	private Account account(Principal principal) {
		return accounts.findBySubject(principal.getName())
			.orElseThrow(() -> new IllegalStateException("signed in without an account"));
	}

}
