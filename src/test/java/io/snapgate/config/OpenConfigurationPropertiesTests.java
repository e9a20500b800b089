package io.snapgate.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the open sandbox anyone reaches {@code /actuator/configprops}, and sees what is
 * configured but no value at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.run-schedules=false",
				"snapgate.tokens.signing-key=" + OpenConfigurationPropertiesTests.SIGNING_KEY })
@ActiveProfiles("sandbox")
class OpenConfigurationPropertiesTests {

	static final String SIGNING_KEY = "sandbox-signing-key-never-shown-0123456789";

	@LocalServerPort
	int port;

	@Test
	void anAnonymousCallerSeesTheSettingsNamesButNoValue() throws Exception {
		HttpResponse<String> response;
		try (HttpClient http = HttpClient.newHttpClient()) {
			response = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/configprops"))
					.build(), HttpResponse.BodyHandlers.ofString());
		}

		assertThat(response.statusCode()).isEqualTo(200);
		List<Map<String, Map<String, Object>>> providers = JsonPath.read(response.body(),
				"$.contexts.*.beans.configuredProviders.properties");
		assertThat(providers).hasSize(1);
		assertThat(providers.get(0)).containsOnlyKeys("sandbox-vergeos", "sandbox-vergeos-dr", "sandbox-baidu",
				"sandbox-baidu-gz");
		assertThat(providers.get(0).get("sandbox-vergeos")).containsEntry("type", "******")
			.containsEntry("baseUrl", "******")
			.containsEntry("password", "******");
		assertThat(response.body()).doesNotContain(SIGNING_KEY, "sandbox-sk-not-a-secret-anywhere-else");
	}

}
