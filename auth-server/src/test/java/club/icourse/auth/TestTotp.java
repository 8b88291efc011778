package club.icourse.auth;

import club.icourse.auth.totp.Totp;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;

/**
 * A person's authenticator app, set up through the real security page: it shows each code
 * once, as a person types them, never one the server would refuse as reused.
 */
public final class TestTotp {

	private final byte[] secret;

	private final List<String> recoveryCodes;

	private final HtmlPage confirmation;

	private long lastStep = Long.MIN_VALUE;

	private TestTotp(byte[] secret, List<String> recoveryCodes, HtmlPage confirmation, long lastStep) {
		this.secret = secret;
		this.recoveryCodes = recoveryCodes;
		this.confirmation = confirmation;
		this.lastStep = lastStep;
	}

	/**
	 * Sets up an app for the person signed in in this browser, confirming the password
	 * when the page asks for it.
	 */
	public static TestTotp enrol(Browser browser, String password) throws IOException {
		return enrol(browser, browser.open("/account/security"), password);
	}

	/** The same, from the security page already open. */
	public static TestTotp enrol(Browser browser, HtmlPage securityPage, String password) throws IOException {
		HtmlPage page = securityPage;
		if (page.getElementById("password") != null) {
			page = browser.submit(page, "/account/security/password", "password", password);
		}
		page = browser.submit(page, "/account/security/totp");
		byte[] secret = Totp.fromBase32(page.getElementById("totp-secret").getTextContent());
		long step = Totp.step(Instant.now());
		page = browser.submit(page, "/account/security/totp/confirm", "code", Totp.code(secret, step));
		List<String> codes = page.querySelectorAll(".recovery-code").stream().map(DomNode::getTextContent).toList();
		if (codes.isEmpty()) {
			throw new AssertionError("No recovery codes after confirming: " + page.asNormalizedText());
		}
		return new TestTotp(secret, codes, page, step);
	}

	/**
	 * A code not shown before: the current one, or the next (the server takes one step
	 * either side of its clock).
	 */
	public String nextCode() {
		long now = Totp.step(Instant.now());
		long step = Math.max(lastStep + 1, now);
		if (step > now + 1) {
			throw new AssertionError("No unused code within the window without waiting");
		}
		lastStep = step;
		return Totp.code(secret, step);
	}

	/** The code shown last, to type again. */
	public String lastCode() {
		return Totp.code(secret, lastStep);
	}

	/** A six-digit code that is none the server would take now. */
	public String wrongCode() {
		long now = Totp.step(Instant.now());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!code.equals(Totp.code(secret, now - 1)) && !code.equals(Totp.code(secret, now))
					&& !code.equals(Totp.code(secret, now + 1)) && !code.equals(Totp.code(secret, now + 2))) {
				return code;
			}
		}
	}

	public List<String> recoveryCodes() {
		return recoveryCodes;
	}

	/** The page that showed the recovery codes. */
	public HtmlPage confirmation() {
		return confirmation;
	}

}
