package club.icourse.auth.admin;

import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientKeys;
import club.icourse.auth.clients.ClientProblem;
import club.icourse.auth.clients.ClientRefusedException;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.clients.ClientRules;
import club.icourse.auth.clients.UnknownClientException;
import club.icourse.auth.developers.DeveloperSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin console's client pages. A new or rotated secret is shown once, on the page
 * right after.
 */
@Controller
@RequestMapping("/admin/clients")
class ClientConsoleController {

	static final String LIST = "admin/clients";
	static final String FORM = "admin/client";

	private static final String NEW_SECRET = "newSecret";

	/** What a person can grant, and the admin API's scope. */
	private static final List<String> CONSOLE_SCOPES = Stream
		.concat(ClientDefinition.PERSON_SCOPES.stream(), Stream.of(ClientDefinition.ADMIN_SCOPE))
		.toList();

	private final ClientRegistry registry;

	private final AuditLog audit;

	private final Actors actors;

	private final DeveloperSettings settings;

	private final Clock clock;

	ClientConsoleController(ClientRegistry registry, AuditLog audit, Actors actors, DeveloperSettings settings,
			Clock clock) {
		this.registry = registry;
		this.audit = audit;
		this.actors = actors;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("clients", registry.all());
		return LIST;
	}

	@GetMapping("/new")
	String newClient(Model model) {
		return form(model, new ClientForm(), null);
	}

	@PostMapping
	String create(@ModelAttribute("client") ClientForm form, BindingResult errors, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		if (saved(form, errors, redirect, definition -> registry.create(definition, actors.of(authentication)))) {
			return "redirect:/admin/clients/" + form.getClientId().strip() + "?created";
		}
		return form(model, form, null);
	}

	@GetMapping("/{clientId}")
	String edit(@PathVariable String clientId, Model model) {
		ClientRegistry.Listing listing = registry.find(clientId)
			.orElseThrow(() -> new UnknownClientException(clientId));
		return form(model, ClientForm.of(listing.definition()), listing);
	}

	@PostMapping("/{clientId}")
	String update(@PathVariable String clientId, @ModelAttribute("client") ClientForm form, BindingResult errors,
			Model model, Authentication authentication, RedirectAttributes redirect) {
		ClientRegistry.Listing listing = registry.find(clientId)
			.orElseThrow(() -> new UnknownClientException(clientId));
		form.setClientId(clientId);
		// The form has no keys field: a private_key_jwt client keeps its keys (and so
		// stays
		// without a secret) unless the administrator makes it public.
		ClientKeys keys = listing.definition().keys();
		if (saved(form, errors, redirect,
				definition -> registry.update(clientId,
						keys != null && definition.confidential() ? definition.withKeys(keys) : definition,
						actors.of(authentication)))) {
			return "redirect:/admin/clients/" + clientId + "?saved";
		}
		return form(model, form, listing);
	}

	/**
	 * A new secret; the old one keeps working for the portal's grace period
	 * ({@code icourse.developers.secret-grace}) so the site can switch over, unless the
	 * administrator ends it at once (a leaked secret).
	 */
	@PostMapping("/{clientId}/secret")
	String rotateSecret(@PathVariable String clientId, @RequestParam(defaultValue = "false") boolean endOldNow,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			Actor admin = actors.of(authentication);
			String secret = endOldNow ? registry.rotateSecret(clientId, admin)
					: registry.rotateSecretKeepingOld(clientId, clock.instant().plus(settings.secretGrace()), admin);
			redirect.addFlashAttribute(NEW_SECRET, secret);
			return "redirect:/admin/clients/" + clientId + (endOldNow ? "?ended" : "?rotated");
		}
		catch (ClientRefusedException publicClient) {
			return "redirect:/admin/clients/" + clientId;
		}
	}

	@PostMapping("/{clientId}/disable")
	String disable(@PathVariable String clientId, Authentication authentication) {
		registry.disable(clientId, actors.of(authentication));
		return "redirect:/admin/clients/" + clientId + "?disabled";
	}

	@PostMapping("/{clientId}/enable")
	String enable(@PathVariable String clientId, Authentication authentication) {
		registry.enable(clientId, actors.of(authentication));
		return "redirect:/admin/clients/" + clientId + "?enabled";
	}

	@ExceptionHandler(UnknownClientException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error";
	}

	/**
	 * Saves what the form describes, or puts every problem with it (not only the first
	 * kind found) on the form. A new secret goes to the next page only, as a flash
	 * attribute.
	 */
	private static boolean saved(ClientForm form, BindingResult errors, RedirectAttributes redirect,
			Function<ClientDefinition, ClientRegistry.Saved> save) {
		List<ClientProblem> problems = new ArrayList<>();
		ClientDefinition definition = form.toDefinition(problems);
		if (problems.isEmpty()) {
			try {
				redirect.addFlashAttribute(NEW_SECRET, save.apply(definition).secret());
				return true;
			}
			catch (ClientRefusedException invalid) {
				problems.addAll(invalid.problems());
			}
		}
		else {
			problems.addAll(ClientRules.check(definition));
		}
		reject(errors, problems);
		return false;
	}

	private String form(Model model, ClientForm form, ClientRegistry.Listing listing) {
		model.addAttribute("client", form);
		model.addAttribute("listing", listing);
		model.addAttribute("consoleScopes", CONSOLE_SCOPES);
		model.addAttribute("algorithms", ClientDefinition.ID_TOKEN_ALGORITHMS);
		model.addAttribute("graceDays", settings.secretGrace().toDays());
		model.addAttribute("events",
				listing == null ? List.of() : audit.latest(listing.definition().clientId(), null, 20));
		return FORM;
	}

	private static void reject(BindingResult errors, List<ClientProblem> problems) {
		for (ClientProblem problem : problems) {
			errors.rejectValue(problem.field(), problem.messageKey(), new Object[] { problem.value() }, problem.code());
		}
	}

}
