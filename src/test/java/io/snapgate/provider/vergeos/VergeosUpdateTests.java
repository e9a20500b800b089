package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamThrottledException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Changing a cloud snapshot: the row is read, the change checked against what VergeOS
 * keeps (the name, an immutable snapshot's expiry), one {@code PUT cloud_snapshots/<key>}
 * with what changes, and the row read back. The snapshot was taken an hour before the
 * tests' clock.
 */
class VergeosUpdateTests {

	private static final String ROW = "/api/v4/cloud_snapshots/12";

	private static final long TAKEN = NOW_EPOCH - 3600;

	private static final String MARKER = "[snapgate:" + "0123456789abcdef".repeat(2) + ":0123456789ab]";

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void aDescriptionAndRetentionAreOnePutThenTheRowIsReadBack() {
		stubRow("before " + MARKER, NOW_EPOCH + 86400, false, "unlocked", 0);
		stubPut();
		stubRowAfter("kept for the audit " + MARKER, TAKEN + 7 * 86400);

		Snapshot changed = this.provider.update("12",
				new SnapshotChanges(null, "kept for the audit", Duration.ofDays(7), false));

		LoggedRequest sent = vergeos.findAll(putRequestedFor(urlEqualTo(ROW))).getFirst();
		assertThat(sent.getBodyAsString()).isEqualTo("{\"description\":\"kept for the audit " + MARKER
				+ "\",\"expires\":" + (TAKEN + 7 * 86400) + ",\"expires_type\":\"date\"}");
		assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
		assertThat(sent.getHeader("Authorization")).startsWith("Basic ");
		assertThat(changed.description()).as("the marker stays VergeOS's and SnapGate's")
			.isEqualTo("kept for the audit");
		assertThat(changed.expiresAt()).isEqualTo(Instant.ofEpochSecond(TAKEN + 7 * 86400));
		assertThat(UpstreamJournal.requests(vergeos)).hasSize(3).element(1).isEqualTo("PUT " + ROW);
	}

	@Test
	void aDescriptionWithoutAMarkerIsSentAsGivenAndAnEmptyOneClearsAllButTheMarker() {
		stubRow("before", NOW_EPOCH + 86400, false, "unlocked", 0);
		stubPut();
		stubRowAfter("after", NOW_EPOCH + 86400);
		this.provider.update("12", new SnapshotChanges(null, "after", null, false));

		vergeos.resetScenarios();
		stubRow("before " + MARKER, NOW_EPOCH + 86400, false, "unlocked", 0);
		this.provider.update("12", new SnapshotChanges(null, "", null, false));

		assertThat(vergeos.findAll(putRequestedFor(urlEqualTo(ROW)))).extracting(LoggedRequest::getBodyAsString)
			.containsExactly("{\"description\":\"after\"}", "{\"description\":\"" + MARKER + "\"}");
	}

	@Test
	void keptForEverIsExpiresZeroNever() {
		stubRow("", NOW_EPOCH + 86400, false, "unlocked", 0);
		stubPut();
		stubRowAfter("", 0);

		Snapshot changed = this.provider.update("12", new SnapshotChanges(null, null, null, true));

		assertThat(changed.expiresAt()).isNull();
		assertThat(vergeos.findAll(putRequestedFor(urlEqualTo(ROW)))).extracting(LoggedRequest::getBodyAsString)
			.containsExactly("{\"expires\":0,\"expires_type\":\"never\"}");
	}

	@Test
	void theNameCannotChangeAndNothingIsAsked() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.update("12", new SnapshotChanges("renamed", null, null, false)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors()).singleElement().satisfies((f) -> assertThat(f.field()).isEqualTo("name"));
			});
		assertThat(UpstreamJournal.requests(vergeos)).isEmpty();
	}

	@Test
	void aRetentionThatHasAlreadyRunOutIsRefused() {
		stubRow("", NOW_EPOCH + 86400, false, "unlocked", 0);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(
					() -> this.provider.update("12", new SnapshotChanges(null, null, Duration.ofMinutes(30), false)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies((f) -> assertThat(f.field()).isEqualTo("retention")));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@ParameterizedTest(name = "{0}, expiring in {1} s, lock ending in {2} s, kept {3} s from its creation: {4}")
	@CsvSource({ "locked, 86400, 0, 7200, refused", "locked, 86400, 0, 90000, sent", "locked, 86400, 0, 90001, sent",
			"locked, 0, 0, 864000, refused", "unlocking, 86400, 86400, 3601, refused",
			"unlocking, 864000, 604800, 900000, sent", "unlocking, 3600, 86400, 7300, refused",
			"unlocking, 0, 604800, 864000, refused", "unlocked, 86400, 0, 3601, sent" })
	void anImmutableSnapshotsExpiryIsNeverBroughtForward(String lock, long expiresIn, long lockIn, long keptFor,
			String outcome) {
		long expires = (expiresIn == 0) ? 0 : NOW_EPOCH + expiresIn;
		long lockExpires = (lockIn == 0) ? 0 : NOW_EPOCH + lockIn;
		stubRow("", expires, !lock.equals("unlocking"), lock, lockExpires);
		stubPut();
		SnapshotChanges changes = new SnapshotChanges(null, null, Duration.ofSeconds(keptFor), false);

		if (outcome.equals("refused")) {
			assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.update("12", changes))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_LOCKED);
					assertThat(ex.lockExpiresAt())
						.isEqualTo((lockExpires == 0) ? null : Instant.ofEpochSecond(lockExpires));
				});
			assertThatExceptionOfType(ConflictException.class)
				.isThrownBy(() -> this.provider.previewUpdate("12", changes));
			assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
		}
		else {
			this.provider.update("12", changes);
			assertThat(vergeos.findAll(putRequestedFor(urlEqualTo(ROW)))).singleElement()
				.satisfies((sent) -> assertThat(sent.getBodyAsString()).contains("\"expires\":" + (TAKEN + keptFor)));
		}
	}

	@Test
	void keepingALockedSnapshotForEverExtendsItAndIsSent() {
		stubRow("", NOW_EPOCH + 86400, true, "locked", 0);
		stubPut();

		this.provider.update("12", new SnapshotChanges(null, null, null, true));

		vergeos.verify(1, putRequestedFor(urlEqualTo(ROW)));
	}

	@Test
	void vergeosRefusingTheChangeForItsLockIsALock() {
		stubRow("", NOW_EPOCH + 86400, false, "unlocked", 0);
		vergeos.stubFor(put(urlPathEqualTo(ROW)).willReturn(aResponse().withStatus(422)
			.withBody("{\"err\":\"Validation error on field: 'expires' - 'the snapshot is immutable and locked'\"}")));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.provider.update("12", new SnapshotChanges(null, null, Duration.ofHours(2), false)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_LOCKED);
				assertThat(ex.getMessage()).doesNotContain("Validation error");
			});
	}

	@Test
	void anotherRefusalIsARejectedRequestAndAMissingRowNotFound() {
		stubRow("", NOW_EPOCH + 86400, false, "unlocked", 0);
		vergeos.stubFor(put(urlPathEqualTo(ROW)).willReturn(
				aResponse().withStatus(422).withBody("{\"err\":\"Validation error on field: 'description'\"}")));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.update("12", new SnapshotChanges(null, "x", null, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED_REQUEST));

		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/13")).willReturn(aResponse().withStatus(404)));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.update("13", new SnapshotChanges(null, "x", null, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
		vergeos.verify(0, putRequestedFor(urlEqualTo("/api/v4/cloud_snapshots/13")));
	}

	@Test
	void faultsOnThePutAreWhatTheyAreElsewhere() {
		stubRow("", NOW_EPOCH + 86400, false, "unlocked", 0);
		vergeos.stubFor(put(urlPathEqualTo(ROW)).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> this.provider.update("12", new SnapshotChanges(null, "x", null, false)));

		vergeos.stubFor(put(urlPathEqualTo(ROW)).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.update("12", new SnapshotChanges(null, "x", null, false)));

		vergeos.stubFor(put(urlPathEqualTo(ROW))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5").withBody("{\"err\":\"slow\"}")));
		assertThatExceptionOfType(UpstreamThrottledException.class)
			.isThrownBy(() -> this.provider.update("12", new SnapshotChanges(null, "x", null, false)))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void aReadBackThatIsNotJsonIsABadGateway() {
		stubRow("", NOW_EPOCH + 86400, false, "unlocked", 0);
		stubRowAfter("", NOW_EPOCH + 86400);
		vergeos.stubFor(get(urlPathEqualTo(ROW)).inScenario("put")
			.whenScenarioStateIs("put")
			.willReturn(
					aResponse().withHeader("Content-Type", "application/json").withBody("{\"$key\": 12, \"name\": ")));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.update("12", new SnapshotChanges(null, "x", null, false)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
	}

	@Test
	void aPreviewTellsTheChangeAndWarnsOfAnEarlierExpiryWithoutWriting() {
		stubRow("", NOW_EPOCH + 30 * 86400, false, "unlocked", 0);

		Preview preview = this.provider.previewUpdate("12", new SnapshotChanges(null, "x", Duration.ofDays(2), false));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.UPDATE);
			assertThat(action.id()).isEqualTo("vergeos-test:12");
			assertThat(action.description()).contains("described as 'x'")
				.contains("kept until " + Instant.ofEpochSecond(TAKEN + 2 * 86400));
		});
		assertThat(preview.warnings()).singleElement().satisfies((w) -> assertThat(w).contains("sooner"));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void theMarkerKeptIsTheOneACreateUnderTheSameKeyLooksFor() {
		VergeosIdempotencyMarker marker = VergeosIdempotencyMarker
			.of(new IdempotencyKey("key-1", IdempotencyKey.sha256Hex("request")), VergeosFixtures.PROVIDER);
		stubRow(marker.appendTo("before"), NOW_EPOCH + 86400, false, "unlocked", 0);
		stubPut();

		this.provider.update("12", new SnapshotChanges(null, "after", null, false));

		String sent = vergeos.findAll(putRequestedFor(urlEqualTo(ROW))).getFirst().getBodyAsString();
		assertThat(VergeosIdempotencyMarker.in(sent.substring(16, sent.length() - 2))).contains(marker);
	}

	private static void stubRow(String description, long expires, boolean immutable, String lock, long lockExpires) {
		vergeos.stubFor(get(urlPathEqualTo(ROW)).inScenario("put")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(snapshotRow(12, "weekly", description, TAKEN, expires, immutable, lock, lockExpires,
					"normal", null))));
	}

	private static void stubPut() {
		vergeos.stubFor(put(urlPathEqualTo(ROW)).inScenario("put").willReturn(aResponse().withStatus(200)));
	}

	private static void stubRowAfter(String description, long expires) {
		vergeos.stubFor(put(urlPathEqualTo(ROW)).inScenario("put")
			.willReturn(aResponse().withStatus(200))
			.willSetStateTo("put"));
		vergeos.stubFor(get(urlPathEqualTo(ROW)).inScenario("put")
			.whenScenarioStateIs("put")
			.willReturn(okJson(
					snapshotRow(12, "weekly", description, TAKEN, expires, false, "unlocked", 0, "normal", null))));
	}

}
