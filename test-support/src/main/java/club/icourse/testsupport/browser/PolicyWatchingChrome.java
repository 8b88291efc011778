package club.icourse.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian's {@code chromium} and {@code chromium-driver} packages),
 * headless, recording every Content-Security-Policy violation of every page it opens. A
 * listener for {@code securitypolicyviolation} is installed through the DevTools protocol
 * before any script of a page runs; the page's own policy cannot block it.
 */
public final class PolicyWatchingChrome implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String RECORD_VIOLATIONS = """
			window.__policyViolations = [];
			document.addEventListener('securitypolicyviolation', event => window.__policyViolations.push(
			    event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline') + ' at '
			    + (event.sourceFile || document.location.href) + ':' + event.lineNumber
			    + (event.sample ? ' (' + event.sample + ')' : '')));
			""";

	private final ChromeDriver driver;

	private final Path profile;

	private PolicyWatchingChrome(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Whether Chromium and its driver are installed where Debian puts them. */
	public static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	public static PolicyWatchingChrome start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("chromium-profile");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en",
					"--window-size=1280,2400", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
		return new PolicyWatchingChrome(driver, profile);
	}

	/** Opens the address and returns the policy violations the page has caused so far. */
	public List<String> open(String url) {
		driver.get(url);
		return violations();
	}

	/** The violations of the page now shown, in the order they happened. */
	@SuppressWarnings("unchecked")
	public List<String> violations() {
		Object recorded = ((JavascriptExecutor) driver).executeScript("return window.__policyViolations || [];");
		return List.copyOf((List<String>) recorded);
	}

	/**
	 * Shows the pages that follow as a phone of this size would (a mobile viewport, the
	 * page's viewport meta tag honoured), or as the desktop window again with
	 * {@link #desktop()}.
	 */
	public void phone(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
	}

	public void desktop() {
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	/** Types into the field of this name, key by key, as a person would. */
	public void type(String fieldName, String text) {
		driver.findElement(By.name(fieldName)).sendKeys(text);
	}

	/**
	 * Waits up to ten seconds for the condition (a script's answer, a navigation), or
	 * fails saying what did not happen.
	 */
	public void waitUntil(String what, Predicate<WebDriver> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.test(driver)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited in vain for " + what + " on " + driver.getCurrentUrl());
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for " + what, e);
			}
		}
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// A leftover temporary profile is harmless.
		}
	}

}
