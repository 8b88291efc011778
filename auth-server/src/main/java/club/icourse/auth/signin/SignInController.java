package club.icourse.auth.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

	static final String VIEW = "signin/login";

	@GetMapping("/login")
	String login() {
		return VIEW;
	}

}
