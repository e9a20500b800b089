package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyCommand;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.guard.ResilienceDecorator;
import io.snapgate.guard.ResilienceSettings;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Copying a snapshot to another region: one signed {@code PUT
 * /v2/snapshot/remote_copy/{id}?clientToken=} naming the region and the copy's name,
 * after a read that refuses what BCC cannot copy; the copy's id in the target region
 * carried in the copy's own id, as BCC keeps no record of it on this side.
 */
class BaiduCopyTests {

	private static final String COPY = "/v2/snapshot/remote_copy/s-Snap0001";

	private static final ProviderId GZ = new ProviderId("baidu-gz");

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final BaiduSnapshotProvider provider = provider(BaiduUpstream.fixedClock());

	private final CopyProvider copies = this.provider.copies().orElseThrow();

	@BeforeEach
	void stubBcc() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Available"))));
		bcc.stubFor(put(urlPathEqualTo(COPY))
			.willReturn(okJson("{\"result\":[{\"region\":\"gz\",\"snapshotId\":\"s-Copy0001\"}]}")
				.withHeader(BaiduClient.REQUEST_ID_HEADER, "req-copy")));
	}

	@Test
	void aCopyIsOneSignedPutNamingTheRegionAndTheCopysName() {
		Copy copy = this.copies.copy(command(null, "dr-1"));

		LoggedRequest sent = bcc.findAll(putRequestedFor(urlPathEqualTo(COPY))).getFirst();
		assertThat(sent.queryParameter("clientToken").firstValue())
			.isEqualTo(new IdempotencyKey("dr-1", "f").token(BaiduUpstream.PROVIDER));
		assertThat(
				equalToJson("{\"destRegionInfos\":[{\"name\":\"copy_of_baidu_bj_s_Snap0001\",\"destRegion\":\"gz\"}]}")
					.match(sent.getBodyAsString())
					.isExactMatch())
			.isTrue();
		BaiduUpstream.assertSignedAt(sent, BaiduUpstream.NOW);
		assertThat(copy.targetNativeId()).isEqualTo("s-Copy0001");
		assertThat(copy.target()).isEqualTo(GZ);
		assertThat(copy.status()).as("just sent: the target is to show it").isEqualTo(CopyStatus.RUNNING);
		assertThat(this.copies.isValidCopyHandle(copy.handle())).isTrue();
	}

	@Test
	void theCopysIdTellsItAnywhereAndItCountsAsSentOnceTheArrivalGraceIsOver() {
		Copy copy = this.copies.copy(command(null, "dr-1"));
		CopyProvider later = provider(Clock.fixed(BaiduUpstream.NOW.plus(BaiduCopies.ARRIVAL_GRACE), ZoneOffset.UTC))
			.copies()
			.orElseThrow();

		Copy read = later.copyStatus(copy.handle());

		assertThat(read.status()).isEqualTo(CopyStatus.SUCCEEDED);
		assertThat(read.targetNativeId()).isEqualTo("s-Copy0001");
		assertThat(read.snapshotNativeId()).isEqualTo("s-Snap0001");
		assertThat(read.startedAt()).isEqualTo(BaiduUpstream.NOW);
		bcc.verify(1, putRequestedFor(urlPathEqualTo(COPY)));
	}

	@Test
	void aSystemDiskSnapshotIsRefusedBeforeThePut() {
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "i-Web00001", "Available"))));

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.copies.copy(command(null, null)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.getMessage()).contains("CDS disks only");
			});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.copies.previewCopy(command(null, null)));
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void aSnapshotNotYetAvailableIsBusyAndARetentionIsRefusedByField() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.copies.copy(command(Duration.ofDays(7), null)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("retention"));
		bcc.stubFor(get("/v2/snapshot/s-Snap0001")
			.willReturn(okJson(snapshotReply("s-Snap0001", "v-Data0001", "Creating"))));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.copies.copy(command(null, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY));
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void thePreviewSaysWhatWouldTravelWhereAndSendsNothing() {
		Preview preview = this.copies.previewCopy(command(null, null));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.CREATE);
			assertThat(action.name()).isEqualTo("copy_of_baidu_bj_s_Snap0001");
			assertThat(action.sizeGb()).isEqualTo(40L);
			assertThat(action.description()).contains("region gz");
		});
		assertThat(UpstreamJournal.writes(bcc)).isEmpty();
	}

	@Test
	void bccRefusingTheCopyNowIsAConflict() {
		bcc.stubFor(
				put(urlPathEqualTo(COPY)).willReturn(aResponse().withStatus(409).withBody(error("OperationDenied"))));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.copies.copy(command(null, "dr-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_BUSY));
	}

	@Test
	void anAnswerWithoutTheTargetRegionIsKeyReuseUnderAKeyAndUnreadableWithout() {
		bcc.stubFor(put(urlPathEqualTo(COPY))
			.willReturn(okJson("{\"result\":[{\"region\":\"su\",\"snapshotId\":\"s-Copy0009\"}]}")));

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.copies.copy(command(null, "dr-1")));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.copies.copy(command(null, null)))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("result[].region"));
	}

	@Test
	void aMalformedAnswerIsA502NamingTheField() {
		bcc.stubFor(put(urlPathEqualTo(COPY)).willReturn(okJson("{\"result\":")));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.copies.copy(command(null, null)));

		bcc.stubFor(put(urlPathEqualTo(COPY)).willReturn(okJson("{\"other\":1}")));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.copies.copy(command(null, null)))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("result"));
	}

	@Test
	void aCopyThatReachedBccIsNeverSentAgainByTheGuards() {
		bcc.stubFor(put(urlPathEqualTo(COPY)).willReturn(aResponse().withStatus(500).withBody(error("InternalError"))));

		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> guarded().copies().orElseThrow().copy(command(null, "dr-1")));
		bcc.verify(1, putRequestedFor(urlPathEqualTo(COPY)));
	}

	@Test
	void aProviderWithoutCopyRegionsCopiesNowhere() {
		assertThat(BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock()).copies()).isEmpty();
		assertThat(this.copies.targets()).singleElement().satisfies((target) -> {
			assertThat(target.provider()).isEqualTo(GZ);
			assertThat(target.via()).isEqualTo("region gz");
		});
	}

	private static BaiduSnapshotProvider provider(Clock clock) {
		return BaiduUpstream.provider(bcc.baseUrl(), clock, Duration.ofSeconds(5), null, Map.of("baidu-gz", "gz"));
	}

	private static CopyCommand command(Duration retention, String key) {
		return new CopyCommand("s-Snap0001", GZ, retention, (key != null) ? new IdempotencyKey(key, "f") : null);
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
