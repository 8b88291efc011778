package club.icourse.auth.admin;

import club.icourse.auth.audit.AuditLog;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, a page at a time. */
@Controller
class AuditLogController {

	static final int PAGE = 50;

	private final AuditLog audit;

	AuditLogController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin")
	String home() {
		return "redirect:/admin/clients";
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(required = false) String target, @RequestParam(required = false) Long before,
			Model model) {
		List<AuditLog.Event> events = audit.latest(target, before, PAGE);
		model.addAttribute("events", events);
		model.addAttribute("target", target);
		model.addAttribute("older", events.size() == PAGE ? events.getLast().id() : null);
		return "admin/audit";
	}

}
