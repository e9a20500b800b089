package io.snapgate.guard;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapgate.observability.UpstreamExchangeCounter;
import io.snapgate.security.ApiKeyHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One observation per upstream attempt: the attempt's span is what goes upstream as
 * {@code traceparent}, WebClient times nothing of its own, and each request sent is
 * counted.
 */
@SpringBootTest(properties = "management.tracing.sampling.probability=1.0")
@AutoConfigureMockMvc
class UpstreamTracingTests {

	private static final String KEY = "traced-" + "4".repeat(40);

	@RegisterExtension
	static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.bcc.type", () -> "baidu");
		registry.add("snapgate.providers.bcc.endpoint", () -> upstream.baseUrl() + "/bcc");
		registry.add("snapgate.providers.bcc.access-key-id", () -> "ak-0123456789");
		registry.add("snapgate.providers.bcc.secret-access-key", () -> "sk-0123456789abcdef");
		registry.add("snapgate.security.api-keys[0].owner", () -> "traced");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes", () -> "snapshots:read");
	}

	@Test
	void eachUpstreamRequestCarriesTheAttemptsTraceAndIsCountedNotTimedTwice() {
		upstream.stubFor(get("/bcc/v2/snapshot/s-Trace001").willReturn(okJson("""
				{"snapshot":{"id":"s-Trace001","name":"nightly","sizeInGB":40,"createTime":"2026-11-22T09:00:00Z",
				 "status":"Available","createMethod":"MANUAL","volumeId":"v-Data0001","desc":"","encrypted":false,
				 "progress":100}}""")));
		double attemptsBefore = attempts();

		assertThat(this.mvc.get().uri("/snapshots/bcc:s-Trace001").header("X-API-Key", KEY)).hasStatusOk();

		List<LoggedRequest> sent = upstream.findAll(getRequestedFor(urlPathEqualTo("/bcc/v2/snapshot/s-Trace001")));
		assertThat(sent).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.getHeader("traceparent"))
				.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"));
		assertThat(attempts() - attemptsBefore).as("one attempt observed").isGreaterThanOrEqualTo(1);
		assertThat(this.meters.find("http.client.requests").meters()).as("WebClient's own observation").isEmpty();
		assertThat(this.meters.get(UpstreamExchangeCounter.NAME)
			.tag("method", "GET")
			.tag("uri", "/bcc/v2/snapshot/{snapshotId}")
			.tag("status", "200")
			.counter()
			.count()).isEqualTo(sent.size());
	}

	private double attempts() {
		return this.meters.find("snapgate.upstream.requests")
			.tag("provider", "bcc")
			.timers()
			.stream()
			.mapToDouble((timer) -> timer.count())
			.sum();
	}

}
