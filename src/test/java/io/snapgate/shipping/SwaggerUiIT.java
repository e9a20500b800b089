package io.snapgate.shipping;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person's first visit: Swagger UI in a real (headless) Chromium against the sandbox
 * with authentication enforced. The call fails until they authorize with their API key,
 * then lists the sandbox's snapshots. A screenshot of the result is saved under
 * {@code target/swagger-ui/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sandbox")
class SwaggerUiIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String API_KEY = "swagger-ui-it-key-4f1d2c";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Path SCREENSHOTS = Path.of("target", "swagger-ui");

	/**
	 * Selenium warns through java.util.logging that it has no DevTools bindings for this
	 * Chromium; WebDriver needs none. Held here because java.util.logging keeps its
	 * loggers weakly.
	 */
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	static void needsChromium() {
		SELENIUM_LOG.setLevel(Level.SEVERE);
		assumeTrue(Files.isExecutable(CHROMIUM),
				"Skipped: no " + CHROMIUM + " (apt-get install chromium chromium-driver; .ci/run does)");
		assumeTrue(Files.isExecutable(CHROMEDRIVER),
				"Skipped: no " + CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
	}

	@DynamicPropertySource
	static void enforceAuthenticationWithOneKey(DynamicPropertyRegistry registry) {
		// the sandbox runs open unless told otherwise
		registry.add("snapgate.security.open", () -> "false");
		registry.add("snapgate.security.api-keys[0].owner", () -> "swagger-ui-it");
		registry.add("snapgate.security.api-keys[0].sha256", () -> sha256(API_KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read");
	}

	@BeforeEach
	void openBrowser(@TempDir Path profile) {
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1400,2000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, PATIENCE);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aCallerAuthorizesWithTheirApiKeyAndListsTheSandboxSnapshots() throws Exception {
		this.browser.get(url("/swagger-ui.html"));
		WebElement listing = this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//div[contains(@class,'opblock-get')][.//*[@data-path='/snapshots']]")));
		listing.findElement(By.cssSelector(".opblock-summary-control")).click();
		this.wait.until((driver) -> listing.findElement(By.cssSelector("button.try-out__btn"))).click();
		WebElement execute = this.wait.until((driver) -> listing.findElement(By.cssSelector("button.execute")));

		execute.click();
		assertThat(responseStatus(listing)).as("before authorizing").isEqualTo("401");
		// so that the next status read is the next response's
		listing.findElement(By.cssSelector("button.btn-clear")).click();
		this.wait.until((driver) -> listing.findElements(By.cssSelector(".live-responses-table")).isEmpty());

		this.browser.findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
		WebElement keyField = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api_key_value")));
		assertThat(this.browser.findElements(By.id("auth-bearer-value"))).as("JWT callers are offered too").hasSize(1);
		keyField.sendKeys(API_KEY);
		WebElement form = keyField.findElement(By.xpath("ancestor::form"));
		form.findElement(By.cssSelector("button.authorize")).click();
		this.wait.until((driver) -> form.getText().contains("Authorized"));
		form.findElement(By.cssSelector("button.btn-done")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("api_key_value")));

		execute.click();
		this.wait.until((driver) -> listing.findElement(By.cssSelector(".curl-command")).getText().contains(API_KEY));
		assertThat(responseStatus(listing)).as("after authorizing").isEqualTo("200");
		String body = listing.findElement(By.cssSelector(".live-responses-table .response-col_description pre"))
			.getText();
		JsonNode page = JsonMapper.builder().build().readTree(body);
		assertThat(page.get("items").isArray()).isTrue();
		List<String> providers = providerIds();
		if (providers.isEmpty()) {
			assertThat(page.get("items").isEmpty()).isTrue();
		}
		else {
			assertThat(page.get("items").isEmpty()).as("the sandbox's seeded snapshots").isFalse();
			page.get("items").forEach((item) -> assertThat(item.get("provider").asString()).isIn(providers));
		}

		this.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})",
				listing.findElement(By.cssSelector(".live-responses-table")));
		Path screenshot = screenshot("snapshots-listed.png");
		assertThat(screenshot).isNotEmptyFile();
	}

	private String responseStatus(WebElement operation) {
		return this.wait.until((driver) -> {
			List<WebElement> status = operation
				.findElements(By.cssSelector(".live-responses-table .response .response-col_status"));
			// the cell may add "Undocumented" under the code
			return status.isEmpty() || status.get(0).getText().isBlank() ? null
					: status.get(0).getText().strip().split("\\s+", -1)[0];
		});
	}

	/** The providers the sandbox runs, asked with the same key outside the browser. */
	private List<String> providerIds() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/providers"))).header("X-API-Key", API_KEY).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		JsonMapper.builder()
			.build()
			.readTree(response.body())
			.forEach((provider) -> ids.add(provider.get("id").asString()));
		return ids;
	}

	private Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path target = SCREENSHOTS.resolve(name);
		Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
