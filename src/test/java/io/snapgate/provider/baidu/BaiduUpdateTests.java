package io.snapgate.provider.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.guard.ResilienceDecorator;
import io.snapgate.guard.ResilienceSettings;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Changing a snapshot: one signed {@code PUT /v2/snapshot/{id}?modifyAttribute} with what
 * is given, after a read that checks what BCC and SnapGate's caution refuse, and the
 * snapshot answered as BCC shows it afterwards. The snapshot was taken at 09:00, an hour
 * before the tests' clock.
 */
class BaiduUpdateTests {

	private static final String MODIFY = "/v2/snapshot/s-Snap0001?modifyAttribute";

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	@BeforeEach
	void stubBcc() {
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(BaiduUpstream.volumeReply("v-Data0001", "InUse", false, "i-Web00001"))));
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));
		bcc.stubFor(put(urlEqualTo(MODIFY)).inScenario("modify")
			.willReturn(aResponse().withStatus(200).withHeader(BaiduClient.REQUEST_ID_HEADER, "req-modify"))
			.willSetStateTo("modified"));
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs("modified")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available")
				.replace("\"name\":\"snap_Snap0001\"", "\"name\":\"kept_for_audit\"")
				.replace("\"desc\":\"\"", "\"desc\":\"audit 2026\"")
				.replace("\"expireTime\":null", "\"expireTime\":\"2026-11-29T09:00:00Z\""))));
	}

	@Test
	void aNameDescriptionAndRetentionAreOneSignedModifyThenTheSnapshotIsReadBack() {
		Snapshot changed = this.provider.update("s-Snap0001",
				new SnapshotChanges("kept_for_audit", "audit 2026", Duration.ofDays(7), false));

		LoggedRequest modify = bcc.findAll(putRequestedFor(urlEqualTo(MODIFY))).getFirst();
		assertThat(modify.getBodyAsString())
			.isEqualTo("{\"snapshotName\":\"kept_for_audit\",\"desc\":\"audit 2026\",\"retentionInDays\":7}");
		assertThat(modify.getHeader("Content-Type")).isEqualToIgnoringCase(BaiduClient.JSON_UTF8);
		BaiduUpstream.assertSignedAt(modify, BaiduUpstream.NOW);
		assertThat(changed.name()).isEqualTo("kept_for_audit");
		assertThat(changed.description()).isEqualTo("audit 2026");
		assertThat(changed.expiresAt()).isEqualTo("2026-11-29T09:00:00Z");
		assertThat(UpstreamJournal.requests(bcc)).containsExactly("GET /v2/snapshot/s-Snap0001", "PUT " + MODIFY,
				"GET /v2/snapshot/s-Snap0001", "GET /v2/volume/v-Data0001");
	}

	@Test
	void onlyWhatIsGivenIsSentAndAnEmptyDescriptionClearsIt() {
		this.provider.update("s-Snap0001", new SnapshotChanges(null, "", null, false));
		this.provider.update("s-Snap0001", new SnapshotChanges(null, null, Duration.parse("PT48H"), false));

		assertThat(bcc.findAll(putRequestedFor(urlEqualTo(MODIFY)))).extracting(LoggedRequest::getBodyAsString)
			.containsExactlyInAnyOrder("{\"desc\":\"\"}", "{\"retentionInDays\":2}");
	}

	@Test
	void theExpiryAnsweredIsTheOneBccSetsHoweverItCounts() {
		// had BCC counted the week from now rather than from when the snapshot was taken
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs("modified")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available").replace("\"expireTime\":null",
					"\"expireTime\":\"2026-11-29T10:00:00Z\""))));

		Snapshot changed = this.provider.update("s-Snap0001",
				new SnapshotChanges(null, null, Duration.ofDays(7), false));

		assertThat(changed.expiresAt()).isEqualTo("2026-11-29T10:00:00Z");
	}

	@Test
	void nothingToChangeSendsNothingAndAnswersTheSnapshot() {
		Snapshot same = this.provider.update("s-Snap0001", new SnapshotChanges(null, null, null, false));

		assertThat(same.name()).isEqualTo("snap_Snap0001");
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void keepingAnExistingSnapshotForEverIsRefusedAsUnconfirmedAndNothingIsSent() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.update("s-Snap0001", new SnapshotChanges(null, null, null, true)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).singleElement().satisfies((f) -> {
					assertThat(f.field()).isEqualTo("neverExpire");
					assertThat(f.message()).contains("unconfirmed");
				});
			});
		assertThat(UpstreamJournal.requests(bcc)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT12H", "PT36H", "P10001D" })
	void aRetentionOfPartDaysIsRefusedOnTheFieldNeverRounded(String retention) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.update("s-Snap0001",
					new SnapshotChanges(null, null, Duration.parse(retention), false)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).singleElement()
					.satisfies((f) -> assertThat(f.field()).isEqualTo("retention"));
			});
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void aRetentionThatWouldHaveRunOutSinceTheSnapshotWasTakenIsRefused() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available").replace("2026-11-22T09:00:00Z",
					"2026-11-20T09:00:00Z"))));

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> this.provider.update("s-Snap0001", new SnapshotChanges(null, null, Duration.ofDays(2), false)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
				assertThat(ex.fieldErrors()).singleElement()
					.satisfies((f) -> assertThat(f.field()).isEqualTo("retention"));
			});
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "pre-upgrade", "", "a_name_of_sixty_six_characters_is_one_too_many_for_baidu_xxxxxxxxx" })
	void aNameBccRefusesIsRefusedOnTheNameField(String name) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.update("s-Snap0001", new SnapshotChanges(name, null, null, false)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies((f) -> assertThat(f.field()).isEqualTo("name")));
		assertThat(UpstreamJournal.requests(bcc)).isEmpty();
	}

	@Test
	void aMissingSnapshotIsNotFoundAndNothingIsSent() {
		bcc.stubFor(
				get("/v2/snapshot/s-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.update("s-Gone0001", new SnapshotChanges("x", null, null, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void bccsRefusalKeepsItsCodeAndRequestId() {
		bcc.stubFor(put(urlEqualTo(MODIFY)).inScenario("modify")
			.willReturn(aResponse().withStatus(400).withBody(error("InvalidParameter"))));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.update("s-Snap0001", new SnapshotChanges("x", null, null, false)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED_REQUEST);
				assertThat(ex.upstream().code()).isEqualTo("InvalidParameter");
				assertThat(ex.upstream().requestId()).isEqualTo("req-InvalidParameter");
			});
	}

	@Test
	void theMarksSnapGateKeepsInADescriptionStayAfterTheNewText() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available").replace("\"desc\":\"\"",
					"\"desc\":\"Taken before rolling back [snapgate:0123456789abcdef] [snapgate-step:sent:1764000000000]\""))));

		this.provider.update("s-Snap0001", new SnapshotChanges(null, "kept for the audit", null, false));
		bcc.resetScenarios();
		this.provider.update("s-Snap0001", new SnapshotChanges(null, "", null, false));

		assertThat(bcc.findAll(putRequestedFor(urlEqualTo(MODIFY)))).extracting(LoggedRequest::getBodyAsString)
			.containsExactly(
					"{\"desc\":\"kept for the audit [snapgate:0123456789abcdef] [snapgate-step:sent:1764000000000]\"}",
					"{\"desc\":\"[snapgate:0123456789abcdef] [snapgate-step:sent:1764000000000]\"}");
	}

	@Test
	void aSafetySnapshotKeepsTheNameARepeatedRollbackFindsItBy() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available")
				.replace("\"name\":\"snap_Snap0001\"", "\"name\":\"snapgate_safety_" + "0".repeat(32) + "\""))));

		for (String name : List.of("kept_for_audit", "snapgate_safety_" + "1".repeat(32))) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> this.provider.update("s-Snap0001", new SnapshotChanges(name, null, null, false)))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
					assertThat(ex.fieldErrors()).singleElement()
						.satisfies((f) -> assertThat(f.field()).isEqualTo("name"));
				});
		}
		this.provider.update("s-Snap0001", new SnapshotChanges(null, null, Duration.ofDays(30), false));
		assertThat(bcc.findAll(putRequestedFor(urlEqualTo(MODIFY)))).extracting(LoggedRequest::getBodyAsString)
			.containsExactly("{\"retentionInDays\":30}");
	}

	@Test
	void aServerErrorIsUnavailableAndThrottlingIsThrottling() {
		bcc.stubFor(put(urlEqualTo(MODIFY)).inScenario("modify")
			.willReturn(aResponse().withStatus(500).withBody(error("InternalError"))));
		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> this.provider.update("s-Snap0001", new SnapshotChanges("x", null, null, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE));

		bcc.stubFor(put(urlEqualTo(MODIFY)).inScenario("modify")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(error("Throttling"))));
		assertThatExceptionOfType(UpstreamThrottledException.class)
			.isThrownBy(() -> this.provider.update("s-Snap0001", new SnapshotChanges("x", null, null, false)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_THROTTLED);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void aReadBackThatIsNotJsonIsABadGateway() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs("modified")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"snapshot\": {\"id\": ")));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.update("s-Snap0001", new SnapshotChanges("x", null, null, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
	}

	@Test
	void aFailedModifyIsSentAgainWithTheSameBodyBehindTheGuards() {
		bcc.stubFor(put(urlEqualTo(MODIFY)).inScenario("modify")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody(error("ServiceUnavailable")))
			.willSetStateTo("failed once"));
		bcc.stubFor(put(urlEqualTo(MODIFY)).inScenario("modify")
			.whenScenarioStateIs("failed once")
			.willReturn(aResponse().withStatus(200))
			.willSetStateTo("modified"));
		bcc.stubFor(get("/v2/snapshot/s-Snap0001").inScenario("modify")
			.whenScenarioStateIs("failed once")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));

		Snapshot changed = guarded().update("s-Snap0001", new SnapshotChanges(null, null, Duration.ofDays(7), false));

		assertThat(changed.expiresAt()).isEqualTo("2026-11-29T09:00:00Z");
		List<LoggedRequest> modifies = bcc.findAll(putRequestedFor(urlEqualTo(MODIFY)));
		assertThat(modifies).hasSize(2)
			.extracting(LoggedRequest::getBodyAsString)
			.containsOnly("{\"retentionInDays\":7}");
	}

	@Test
	void aPreviewTellsTheChangeFromReadsAloneAndSaysHowTheDaysMayCount() {
		Preview preview = this.provider.previewUpdate("s-Snap0001",
				new SnapshotChanges("kept_for_audit", null, Duration.ofDays(7), false));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.UPDATE);
			assertThat(action.id()).isEqualTo("baidu-bj:s-Snap0001");
			assertThat(action.description()).contains("named 'kept_for_audit'").contains("kept 7 days");
		});
		assertThat(preview.checks()).anySatisfy((check) -> {
			assertThat(check.name()).isEqualTo("RETENTION_START");
			assertThat(check.outcome()).isEqualTo(Preview.Outcome.UNKNOWN);
			assertThat(check.detail()).contains(Instant.parse("2026-11-29T09:00:00Z").toString());
		});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.previewUpdate("s-Snap0001", new SnapshotChanges(null, null, null, true)));
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	private SnapshotProvider guarded() {
		RetryRegistry retries = RetryRegistry
			.of(RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10)).build());
		return new ResilienceDecorator(CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(),
				TimeLimiterRegistry.ofDefaults(), retries, RateLimiterRegistry.ofDefaults(), ObservationRegistry.NOOP,
				Duration.ofSeconds(2), 1, new SimpleMeterRegistry(), null)
			.decorate(this.provider, ResilienceSettings.DEFAULTS);
	}

}
