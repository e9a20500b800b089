package io.snapgate.provider.vergeos;

import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DeleteOutcome;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deleting, and refusing to delete snapshots VergeOS keeps locked.
 */
class VergeosDeletionTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void anUnlockedSnapshotIsReadThenDeleted() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(okJson(snapshotRow(12, "s"))));
		vergeos.stubFor(delete(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(aResponse().withStatus(200)));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/13")).willReturn(okJson(snapshotRow(13, "t"))));
		vergeos.stubFor(delete(urlPathEqualTo("/api/v4/cloud_snapshots/13")).willReturn(aResponse().withStatus(202)));

		assertThat(this.provider.delete("12")).isEqualTo(DeleteOutcome.DELETED);
		assertThat(this.provider.delete("13")).isEqualTo(DeleteOutcome.ACCEPTED);
		vergeos.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots/12")));
	}

	@Test
	void deletingALockedSnapshotIsRefusedWithoutSendingADelete() {
		long lockExpires = NOW_EPOCH + 86400;
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(okJson(snapshotRow(12, "weekly",
				"", NOW_EPOCH - 86400, NOW_EPOCH + 30 * 86400, true, "locked", lockExpires, "normal", null))));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.delete("12"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_LOCKED);
				assertThat(ex.lockExpiresAt()).isEqualTo(Instant.ofEpochSecond(lockExpires));
			});
		vergeos.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots/12")));
	}

	@Test
	void aSnapshotBeingUnlockedStaysLockedUntilItsLockExpires() {
		long lockExpires = NOW_EPOCH + 7 * 86400;
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(okJson(snapshotRow(12, "weekly",
				"", NOW_EPOCH - 86400, NOW_EPOCH + 30 * 86400, false, "unlocking", lockExpires, "normal", null))));

		assertThat(this.provider.get("12").orElseThrow().locked()).isTrue();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.delete("12"))
			.satisfies((ex) -> assertThat(ex.lockExpiresAt()).isEqualTo(Instant.ofEpochSecond(lockExpires)));
		vergeos.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots/12")));
	}

	@Test
	void vergeosRefusingTheDeleteOfAnImmutableSnapshotIsALock() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(okJson(snapshotRow(12, "s"))));
		vergeos.stubFor(delete(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(aResponse().withStatus(422)
			.withBody("{\"err\":\"Cannot delete snapshot 's': the snapshot is immutable\"}")));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.delete("12"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_LOCKED);
				assertThat(ex.upstream().message()).contains("immutable");
				assertThat(ex.getMessage()).doesNotContain("Cannot delete snapshot");
			});
	}

	@Test
	void deletingWhatIsGoneIsNotFound() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(notFound()));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/13")).willReturn(okJson(snapshotRow(13, "t"))));
		vergeos.stubFor(delete(urlPathEqualTo("/api/v4/cloud_snapshots/13")).willReturn(notFound()));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.provider.delete("12"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.provider.delete("13"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
		vergeos.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots/12")));
	}

}
