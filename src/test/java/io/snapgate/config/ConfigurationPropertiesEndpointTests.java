package io.snapgate.config;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.provider.SnapshotProviderFactory;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/configprops} shows every provider's settings as its type bound them,
 * beside the gateway's own, and never a secret.
 */
@SpringBootTest(properties = { "snapgate.providers.vergeos-basic.type=vergeos",
		"snapgate.providers.vergeos-basic.base-url=https://vergeos.example.com",
		"snapgate.providers.vergeos-basic.username=svc-snapgate",
		"snapgate.providers.vergeos-basic.password=" + ConfigurationPropertiesEndpointTests.VERGEOS_PASSWORD,
		"snapgate.providers.vergeos-basic.resilience.budget-requests=200",
		"snapgate.providers.vergeos-basic.resilience.budget-period=PT15M",
		"snapgate.providers.vergeos-key.type=vergeos",
		"snapgate.providers.vergeos-key.base-url=https://vergeos-dr.example.com:8443",
		"snapgate.providers.vergeos-key.api-key=" + ConfigurationPropertiesEndpointTests.VERGEOS_API_KEY,
		"snapgate.providers.baidu-bj.type=baidu", "snapgate.providers.baidu-bj.endpoint=https://bcc.bj.baidubce.com",
		"snapgate.providers.baidu-bj.access-key-id=" + ConfigurationPropertiesEndpointTests.BAIDU_AK,
		"snapgate.providers.baidu-bj.secret-access-key=" + ConfigurationPropertiesEndpointTests.BAIDU_SK,
		"snapgate.tokens.signing-key=" + ConfigurationPropertiesEndpointTests.SIGNING_KEY,
		"snapgate.security.api-keys[0].owner=ops", "snapgate.security.api-keys[0].scopes=actuator:read",
		"snapgate.security.api-keys[0].sha256=" + ConfigurationPropertiesEndpointTests.OPS_KEY_SHA256,
		"snapgate.security.api-keys[1].owner=reader", "snapgate.security.api-keys[1].scopes=snapshots:read",
		"snapgate.security.api-keys[1].sha256=" + ConfigurationPropertiesEndpointTests.READER_KEY_SHA256,
		"management.prometheus.metrics.export.pushgateway.address=https://push:"
				+ ConfigurationPropertiesEndpointTests.URI_PASSWORD + "@push.example.com" })
@AutoConfigureMockMvc
class ConfigurationPropertiesEndpointTests {

	static final String VERGEOS_PASSWORD = "vergeos-password-never-shown";

	static final String VERGEOS_API_KEY = "vergeos-api-key-never-shown";

	static final String BAIDU_AK = "baiduakidnevershown0000000000000";

	static final String BAIDU_SK = "baidu-secret-access-key-never-shown";

	static final String SIGNING_KEY = "signing-key-never-shown-0123456789abcdef";

	static final String URI_PASSWORD = "uri-password-never-shown";

	static final String OPS_KEY = "ops-configprops-key-0123456789";

	/** {@code sha256("ops-configprops-key-0123456789")}. */
	static final String OPS_KEY_SHA256 = "47e59a6519b942f7e4445057fe46359d2c4df9fcbf92fae63634b733c4563114";

	static final String READER_KEY = "reader-configprops-key-0123456789";

	/** {@code sha256("reader-configprops-key-0123456789")}. */
	static final String READER_KEY_SHA256 = "a5d6304896609db175a7a49d0d56c6cbaf51c81e0b33f68f2251825168c27283";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theHashesAboveAreTheKeysOwn() {
		assertThat(ApiKeyHashes.sha256Hex(OPS_KEY)).isEqualTo(OPS_KEY_SHA256);
		assertThat(ApiKeyHashes.sha256Hex(READER_KEY)).isEqualTo(READER_KEY_SHA256);
	}

	@Test
	void everyProvidersSettingsAreShownAsItsTypeBoundThem() throws Exception {
		Map<String, Map<String, Object>> providers = bean(configprops(OPS_KEY), "configuredProviders");

		assertThat(providers).containsOnlyKeys("vergeos-basic", "vergeos-key", "baidu-bj");
		assertThat(providers.get("vergeos-basic")).containsEntry("type", "vergeos")
			.containsEntry("baseUrl", "https://vergeos.example.com")
			.containsEntry("username", "svc-snapgate")
			.containsEntry("verifyTls", true)
			.containsEntry("connectTimeout", "PT5S")
			.containsEntry("policyTimeZone", "UTC")
			.containsEntry("resilience", Map.of("budgetRequests", 200, "budgetPeriod", "PT15M", "budgetReserve", 20,
					"readCacheTtl", "PT2S", "finishedRestoreTtl", "PT1H"));
		assertThat(providers.get("baidu-bj")).containsEntry("type", "baidu")
			.containsEntry("endpoint", "https://bcc.bj.baidubce.com")
			.containsEntry("expirationSeconds", 1800)
			.containsEntry("policyTimeZone", "Asia/Shanghai");
	}

	@Test
	void everySecretIsMasked() throws Exception {
		String body = configprops(OPS_KEY);

		assertThat(body).doesNotContain(VERGEOS_PASSWORD, VERGEOS_API_KEY, BAIDU_AK, BAIDU_SK, SIGNING_KEY,
				OPS_KEY_SHA256, READER_KEY_SHA256, URI_PASSWORD);
		Map<String, Map<String, Object>> providers = bean(body, "configuredProviders");
		assertThat(providers.get("vergeos-basic")).containsEntry("password", "******");
		assertThat(providers.get("vergeos-key")).containsEntry("apiKey", "******");
		assertThat(providers.get("baidu-bj")).containsEntry("secretAccessKey", "******")
			.containsEntry("accessKeyId", "******");
		Map<String, Map<String, Object>> snapgate = bean(body, "snapgate-io.snapgate.config.SnapGateProperties");
		assertThat(snapgate.get("tokens")).containsEntry("signingKey", "******");
	}

	@Test
	void onlyOperatorsSeeTheSettings() {
		assertThat(this.mvc.get().uri("/actuator/configprops").header("X-API-Key", READER_KEY)).hasStatus(403);
		assertThat(this.mvc.get().uri("/actuator/configprops")).hasStatus(401);
	}

	@Test
	void eachProviderTypesSettingsRecordNamesThePatternItIsDescribedUnder() {
		Map<String, SnapshotProviderFactory<?>> factories = castFactories(
				this.context.getBeansOfType(SnapshotProviderFactory.class));
		assertThat(factories).isNotEmpty();
		factories.values().forEach((factory) -> {
			ConfigurationProperties annotation = factory.settingsType().getAnnotation(ConfigurationProperties.class);
			assertThat(annotation).as("@ConfigurationProperties on %s", factory.settingsType().getName()).isNotNull();
			assertThat(annotation.value()).as("the prefix of %s", factory.settingsType().getName())
				.isEqualTo("snapgate.providers.<" + factory.type().value() + "-id>");
		});
	}

	private String configprops(String key) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/actuator/configprops").header("X-API-Key", key).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	private static Map<String, Map<String, Object>> bean(String body, String name) {
		List<Map<String, Map<String, Object>>> found = JsonPath.read(body,
				"$.contexts.*.beans['" + name + "'].properties");
		assertThat(found).as("the bean %s in %s", name, body).hasSize(1);
		return found.get(0);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Map<String, SnapshotProviderFactory<?>> castFactories(Map<String, SnapshotProviderFactory> beans) {
		return (Map) beans;
	}

}
