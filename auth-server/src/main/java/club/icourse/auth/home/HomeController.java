package club.icourse.auth.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	static final String VIEW = "home/index";

	@GetMapping("/")
	String home() {
		return VIEW;
	}

}
