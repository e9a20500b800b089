package io.snapgate.provider.vergeos;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.Preview;
import io.snapgate.domain.SnapGateException;
import io.snapgate.testing.UpstreamJournal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every preview of a VergeOS write checks what the write checks, from reads alone: it
 * answers the write's own problem where a precondition fails, and VergeOS is sent no
 * write, whatever the outcome.
 */
class VergeosPreviewTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@AfterEach
	void nothingWasWritten() {
		assertThat(UpstreamJournal.writes(vergeos)).as("the journal shows no write").isEmpty();
	}

	@Test
	void aDeletePreviewOfALockedSnapshotIsTheDeletesConflict() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/5")).willReturn(okJson(snapshotRow(5, "locked", "",
				NOW_EPOCH - 60, NOW_EPOCH + 86400, true, "locked", NOW_EPOCH + 86400, "normal", null))));

		assertFails(() -> this.provider.previewDelete("5"), ErrorCode.SNAPSHOT_LOCKED);
		assertFails(() -> this.provider.delete("5"), ErrorCode.SNAPSHOT_LOCKED);
	}

	@Test
	void aDeletePreviewOfAMissingSnapshotIsNotFound() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/6")).willReturn(notFound()));

		assertFails(() -> this.provider.previewDelete("6"), ErrorCode.SNAPSHOT_NOT_FOUND);
	}

	@Test
	void aDeletePreviewTellsWhatGoes() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/7")).willReturn(okJson(snapshotRow(7, "nightly"))));

		Preview preview = this.provider.previewDelete("7");

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.DELETE);
			assertThat(action.id()).isEqualTo("vergeos-test:7");
			assertThat(action.name()).isEqualTo("nightly");
		});
		assertThat(preview.checks()).extracting(Preview.Check::name).containsExactly("SNAPSHOT_EXISTS", "NOT_LOCKED");
	}

	@Test
	void aCreatePreviewOfATakenNameIsTheCreatesConflict() {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("filter", equalTo("name eq 'nightly'"))
					.willReturn(okJson("[" + snapshotRow(7, "nightly") + "]")));

		assertFails(() -> this.provider.previewCreate(create("nightly", null)), ErrorCode.NAME_TAKEN);
	}

	@Test
	void aCreatePreviewRefusesWhatVergeosCannotTake() {
		assertFails(
				() -> this.provider
					.previewCreate(new CreateSnapshot("a", null, "v-1", null, false, false, false, null)),
				ErrorCode.UNSUPPORTED_FIELD);
		assertFails(() -> this.provider.previewCreate(create("x".repeat(129), null)), ErrorCode.VALIDATION_FAILED);
	}

	@Test
	void aCreatePreviewUnderAKeyAlreadyUsedForAnotherRequestIsTheCreatesRefusal() {
		IdempotencyKey key = new IdempotencyKey("k-9", IdempotencyKey.sha256Hex("first"));
		IdempotencyKey other = new IdempotencyKey("k-9", IdempotencyKey.sha256Hex("second"));
		String marked = VergeosIdempotencyMarker.of(key, VergeosFixtures.PROVIDER).appendTo("");
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).willReturn(okJson("[" + snapshotRow(8, "first",
				marked, NOW_EPOCH - 60, NOW_EPOCH + 86400, false, "unlocked", 0, "normal", null) + "]")));

		assertFails(() -> this.provider.previewCreate(create("second", other)), ErrorCode.IDEMPOTENCY_KEY_REUSED);
		Preview same = this.provider.previewCreate(create("first", key));
		assertThat(same.actions()).singleElement()
			.satisfies((action) -> assertThat(action.change()).isEqualTo(Preview.Change.NONE));
	}

	@Test
	void anImmutableCreatePreviewWarnsThatNobodyCanDeleteIt() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).willReturn(okJson("[]")));

		Preview preview = this.provider
			.previewCreate(new CreateSnapshot("vault", null, null, Duration.ofDays(7), false, true, false, null));

		assertThat(preview.actions()).singleElement()
			.satisfies((action) -> assertThat(action.change()).isEqualTo(Preview.Change.CREATE));
		assertThat(preview.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning).contains("Immutable"));
	}

	private static void assertFails(ThrowingCallable call, ErrorCode code) {
		assertThatExceptionOfType(SnapGateException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code));
	}

	private static CreateSnapshot create(String name, @Nullable IdempotencyKey key) {
		return new CreateSnapshot(name, null, null, null, false, false, false, key);
	}

}
