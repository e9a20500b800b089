package io.snapgate.provider.baidu;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduSnapshotProviderTests.command;
import static io.snapgate.provider.baidu.BaiduSnapshotProviderTests.token;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.instanceReply;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshotReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating: BCC's preconditions are checked before the POST, the caller's key becomes
 * BCC's client token, and BCC's own refusals keep their meaning.
 */
class BaiduCreateTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	@BeforeEach
	void stubBcc() {
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-Web00001"))));
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", "Running"))));
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).willReturn(okJson("{\"snapshotId\":\"s-New00001\"}")));
		bcc.stubFor(get("/v2/snapshot/s-New00001")
			.willReturn(okJson(snapshotReply("s-New00001", "v-Data0001", "Creating"))));
	}

	@Test
	void aRepeatedKeySendsTheSameClientTokenAndAnotherKeyAnother() {
		this.provider.create(command("nightly", null, "v-Data0001", "key-1"));
		this.provider.create(command("nightly", null, "v-Data0001", "key-1"));
		this.provider.create(command("nightly", null, "v-Data0001", "key-2"));

		assertThat(clientTokens()).containsExactly(token("key-1"), token("key-1"), token("key-2"));
		assertThat(token("key-1")).hasSize(32).matches("[0-9a-f]+");
	}

	@Test
	void withoutAKeyEveryCreateHasItsOwnToken() {
		this.provider.create(command("nightly", null, "v-Data0001", null));
		this.provider.create(command("nightly", null, "v-Data0001", null));

		List<String> tokens = clientTokens();
		assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
		assertThat(tokens).allSatisfy((t) -> assertThat(t).hasSizeLessThan(64));
	}

	@Test
	void aKeyReusedForAnotherRequestIsRefusedAsBccRefusesIt() {
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot"))
			.willReturn(aResponse().withStatus(409).withBody(error("IdempotentParameterMismatch"))));

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.provider.create(command("other_name", null, "v-Data0001", "key-1")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
				assertThat(ex.upstream().code()).isEqualTo("IdempotentParameterMismatch");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "SnapshotQuotaExceeded", "Snapshot.LimitReached", "VolumeSnapshotExceed" })
	void aQuotaRefusalIsAConflict(String code) {
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).willReturn(aResponse().withStatus(400).withBody(error(code))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(command("nightly", null, "v-Data0001", "key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Creating", "Attaching", "Detaching", "Scaling", "Error" })
	void aBusyDiskIsRefusedBeforeThePost(String status) {
		bcc.stubFor(get("/v2/volume/v-Data0001").willReturn(okJson(volumeReply("v-Data0001", status, false, ""))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(command("nightly", null, "v-Data0001", "key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Starting", "Stopping", "Scaling", "ImageProcessing" })
	void aBusyInstanceIsRefusedBeforeThePost(String status) {
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", status))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(command("sys", null, "i-Web00001", "key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INSTANCE_BUSY));
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aDiskBusyWithASnapshotLeavesARepeatToTheClientToken() {
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "SnapshotProcessing", false, ""))));

		assertThat(this.provider.create(command("nightly", null, "v-Data0001", "key-1")).nativeId())
			.isEqualTo("s-New00001");
		bcc.verify(1, postRequestedFor(urlPathEqualTo("/v2/snapshot")));
	}

	@Test
	void bccsOwnConflictNamesTheDiskOrTheInstance() {
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot"))
			.willReturn(aResponse().withStatus(409).withBody(error("StatusConflict"))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(command("nightly", null, "v-Data0001", "key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.create(command("sys", null, "i-Web00001", "key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INSTANCE_BUSY));
	}

	@Test
	void aMissingDiskOrInstanceIsNotFound() {
		bcc.stubFor(
				get("/v2/volume/v-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));
		bcc.stubFor(
				get("/v2/instance/i-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.create(command("nightly", null, "v-Gone0001", "key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_NOT_FOUND));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.create(command("nightly", null, "i-Gone0001", "key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INSTANCE_NOT_FOUND));
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "pre-upgrade", "before upgrade", "", "quarante_deux_é",
			"a_name_of_sixty_six_characters_is_one_too_many_for_baidu_xxxxxxxxx" })
	void aNameBaiduRefusesIsRefusedOnTheNameField(String name) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.create(command(name, null, "v-Data0001", "key-1")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
				assertThat(ex.fieldErrors()).singleElement().satisfies((f) -> assertThat(f.field()).isEqualTo("name"));
			});
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void sixtyFiveCharactersAreAccepted() {
		assertThat(this.provider.create(command("a".repeat(65), null, "v-Data0001", "key-1")).nativeId())
			.isEqualTo("s-New00001");
	}

	@ParameterizedTest
	@ValueSource(strings = { "vol-1", "v-../x", "s-New00001", "i-" })
	void aDiskIdOfAnotherShapeIsRefusedOnTheVolumeIdField(String volumeId) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.create(command("nightly", null, volumeId, "key-1")))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies((f) -> assertThat(f.field()).isEqualTo("volumeId")));
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRetentionTravelsAsWholeDaysInTheSignedCreateAndExpireTimeIsAnswered() {
		bcc.stubFor(
				get("/v2/snapshot/s-New00001").willReturn(okJson(snapshotReply("s-New00001", "v-Data0001", "Creating")
					.replace("\"expireTime\":null", "\"expireTime\":\"2026-11-29T09:00:00Z\""))));

		Snapshot created = this.provider.create(retained("nightly", Duration.ofDays(7), false, "key-1"));

		assertThat(created.expiresAt()).isEqualTo("2026-11-29T09:00:00Z");
		LoggedRequest post = bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot"))).getFirst();
		assertThat(post.getUrl()).isEqualTo("/v2/snapshot?clientToken=" + token("key-1"));
		assertThat(post.getBodyAsString())
			.isEqualTo("{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"nightly\",\"retentionInDays\":7}");
		BaiduUpstream.assertSignedAt(post, BaiduUpstream.NOW);
	}

	@Test
	void hoursThatMakeWholeDaysAreWholeDays() {
		this.provider.create(retained("nightly", Duration.parse("PT48H"), false, "key-1"));
		this.provider.create(retained("nightly", Duration.ofDays(10_000), false, "key-2"));

		assertThat(bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot"))))
			.extracting(LoggedRequest::getBodyAsString)
			.containsExactlyInAnyOrder(
					"{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"nightly\",\"retentionInDays\":2}",
					"{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"nightly\",\"retentionInDays\":10000}");
	}

	@Test
	void withoutARetentionOrKeptForeverNoRetentionIsSentAndNothingExpires() {
		Snapshot kept = this.provider.create(retained("nightly", null, true, "key-1"));
		this.provider.create(retained("nightly", null, false, "key-2"));

		assertThat(kept.expiresAt()).isNull();
		assertThat(bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot"))))
			.extracting(LoggedRequest::getBodyAsString)
			.containsOnly("{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"nightly\"}");
	}

	@Test
	void oneKeyWithAnotherRetentionSendsTheSameTokenWithTheOtherRetentionForBccToTellApart() {
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).inScenario("mismatch")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"snapshotId\":\"s-New00001\"}"))
			.willSetStateTo("made"));
		bcc.stubFor(post(urlPathEqualTo("/v2/snapshot")).inScenario("mismatch")
			.whenScenarioStateIs("made")
			.willReturn(aResponse().withStatus(409).withBody(error("IdempotentParameterMismatch"))));

		this.provider.create(retained("nightly", Duration.ofDays(7), false, "key-1"));
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.provider.create(retained("nightly", Duration.ofDays(8), false, "key-1")));

		assertThat(clientTokens()).containsExactly(token("key-1"), token("key-1"));
		assertThat(bcc.findAll(postRequestedFor(urlPathEqualTo("/v2/snapshot"))))
			.extracting(LoggedRequest::getBodyAsString)
			.containsExactlyInAnyOrder(
					"{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"nightly\",\"retentionInDays\":7}",
					"{\"volumeId\":\"v-Data0001\",\"snapshotName\":\"nightly\",\"retentionInDays\":8}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT12H", "PT36H", "P1DT1S", "PT0S", "P10001D" })
	void aRetentionBccCannotKeepIsRefusedOnTheRetentionFieldNeverRounded(String retention) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.create(retained("nightly", Duration.parse(retention), false, "key-1")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).singleElement()
					.satisfies((f) -> assertThat(f.field()).isEqualTo("retention"));
			});
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	private static CreateSnapshot retained(String name, Duration retention, boolean neverExpire, String key) {
		return new CreateSnapshot(name, null, "v-Data0001", retention, neverExpire, false, false,
				new IdempotencyKey(key, "fingerprint"));
	}

	private static List<String> clientTokens() {
		return bcc.getAllServeEvents()
			.reversed()
			.stream()
			.map(ServeEvent::getRequest)
			.filter((r) -> r.getMethod().getName().equals("POST"))
			.map((r) -> r.queryParameter("clientToken").firstValue())
			.toList();
	}

}
