package io.snapgate.provider.baidu;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.VolumeSource;
import io.snapgate.provider.UpstreamJson;
import org.junit.jupiter.api.Test;

import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Mapping is a function of BCC's JSON and the disk it names, told beforehand: no client,
 * no call.
 */
class BaiduSnapshotMapperTests {

	private final BaiduSnapshotMapper mapper = new BaiduSnapshotMapper(PROVIDER);

	@Test
	void aSnapshotIsMappedWithTheDiskItIsGiven() {
		BaiduSnapshotJson json = read(
				BaiduUpstream.snapshot("s-8kQ2x1Zv", "v-Sys00001", "Available", "2026-11-22T09:00:00Z"));
		VolumeSource systemDisk = new VolumeSource("v-Sys00001", DiskType.SYSTEM, "i-Z9y8X7w6");

		Snapshot snapshot = this.mapper.toSnapshot(json, systemDisk, "asp-Nightly1");

		assertThat(snapshot.provider()).isEqualTo(PROVIDER);
		assertThat(snapshot.providerType()).isEqualTo(BaiduSnapshotProvider.TYPE);
		assertThat(snapshot.nativeId()).isEqualTo("s-8kQ2x1Zv");
		assertThat(snapshot.name()).isEqualTo("snap_8kQ2x1Zv");
		assertThat(snapshot.description()).isNull();
		assertThat(snapshot.scope()).isEqualTo(Scope.VOLUME);
		assertThat(snapshot.source()).isSameAs(systemDisk);
		assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
		assertThat(snapshot.providerStatus()).isEqualTo("Available");
		assertThat(snapshot.createdAt()).isEqualTo("2026-11-22T09:00:00Z");
		assertThat(snapshot.expiresAt()).isNull();
		assertThat(snapshot.sizeGb()).isEqualTo(40);
		assertThat(snapshot.attributes()).containsExactlyInAnyOrderEntriesOf(
				Map.of("createMethod", "MANUAL", "encrypted", "false", "progress", "100"));
		assertThat(snapshot.policy()).as("a manual snapshot was made by no policy").isNull();
	}

	@Test
	void aSnapshotMadeByASchedulePointsAtThePolicyItIsGivenInAnyCase() {
		for (String method : new String[] { "auto", "AUTO", "Auto" }) {
			BaiduSnapshotJson json = read(
					BaiduUpstream.snapshot("s-8kQ2x1Zv", "v-Data0001", "Available", "2026-11-22T09:00:00Z")
						.replace("\"MANUAL\"", "\"" + method + "\""));

			Snapshot snapshot = this.mapper.toSnapshot(json, null, "asp-Nightly1");

			assertThat(snapshot.policy()).isEqualTo("asp-Nightly1");
			assertThat(snapshot.attributes()).containsEntry("createMethod", method);
		}
	}

	@Test
	void aSnapshotJustAskedForIsCreatingOnTheDiskItIsGiven() {
		VolumeSource dataDisk = new VolumeSource("v-Data0001", DiskType.CDS, null);

		Snapshot snapshot = this.mapper.creating("s-New00001", "nightly", " ", dataDisk, NOW, null);

		assertThat(snapshot.nativeId()).isEqualTo("s-New00001");
		assertThat(snapshot.description()).isNull();
		assertThat(snapshot.source()).isSameAs(dataDisk);
		assertThat(snapshot.status()).isEqualTo(SnapshotStatus.CREATING);
		assertThat(snapshot.createdAt()).isEqualTo(NOW);
		assertThat(snapshot.attributes()).isEmpty();
	}

	@Test
	void expireTimeIsWhenBccRemovesTheSnapshot() {
		BaiduSnapshotJson json = read(
				BaiduUpstream.snapshot("s-8kQ2x1Zv", "v-Data0001", "Available", "2026-11-22T09:00:00Z")
					.replace("\"expireTime\":null", "\"expireTime\":\"2026-11-29T09:00:00Z\""));

		assertThat(this.mapper.toSnapshot(json, null, null).expiresAt()).isEqualTo("2026-11-29T09:00:00Z");
	}

	@Test
	void anAbsentOrEmptyExpireTimeIsKeptUntilDeleted() {
		for (String expireTime : new String[] { "null", "\"\"", "\" \"" }) {
			BaiduSnapshotJson json = read(
					BaiduUpstream.snapshot("s-8kQ2x1Zv", "v-Data0001", "Available", "2026-11-22T09:00:00Z")
						.replace("\"expireTime\":null", "\"expireTime\":" + expireTime));

			assertThat(this.mapper.toSnapshot(json, null, null).expiresAt()).as(expireTime).isNull();
		}
	}

	@Test
	void anExpireTimeThatCannotBeReadIsABadGatewayNamingItNeverNever() {
		for (String expireTime : new String[] { "29/11/2026", "2026-11-29 09:00:00", "soon" }) {
			BaiduSnapshotJson json = read(
					BaiduUpstream.snapshot("s-8kQ2x1Zv", "v-Data0001", "Available", "2026-11-22T09:00:00Z")
						.replace("\"expireTime\":null", "\"expireTime\":\"" + expireTime + "\""));

			assertThatExceptionOfType(UpstreamErrorException.class)
				.isThrownBy(() -> this.mapper.toSnapshot(json, null, null))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
					assertThat(ex.getMessage()).contains("expireTime")
						.contains("s-8kQ2x1Zv")
						.doesNotContain(expireTime);
				});
		}
	}

	@Test
	void aSnapshotJustAskedForWithARetentionExpiresWhenAskedTo() {
		Snapshot snapshot = this.mapper.creating("s-New00001", "nightly", null, null, NOW,
				BaiduRetention.expiry(NOW, 7));

		assertThat(snapshot.expiresAt()).isEqualTo(NOW.plus(java.time.Duration.ofDays(7)));
	}

	private static BaiduSnapshotJson read(String json) {
		return UpstreamJson.read(json.getBytes(StandardCharsets.UTF_8), BaiduSnapshotJson.class).orElseThrow();
	}

}
