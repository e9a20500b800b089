package io.snapgate.provider.baidu;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.page;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshot;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A snapshot a schedule made names the policy its disk is in now: BCC records no policy
 * on the snapshot, only {@code createMethod=auto}.
 */
class BaiduAutomaticSnapshotsTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MutableClock clock = new MutableClock(NOW);

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), this.clock);

	/** Disk snapshots: a schedule makes no others. */
	private static final SnapshotQuery DISKS = new SnapshotQuery(Set.of(), Scope.VOLUME, null, null, null, null, false,
			null);

	@Test
	void anAutomaticSnapshotNamesItsDisksPolicyAndAManualOneNone() {
		stubListing();

		List<Snapshot> snapshots = this.provider.list(DISKS, null, 10).items();

		assertThat(snapshots).extracting(Snapshot::nativeId, Snapshot::policy)
			.containsExactly(tuple("s-Auto0002", "asp-Nightly1"), tuple("s-Auto0001", null), tuple("s-Manual01", null));
	}

	@Test
	void aListingOfOnePolicysSnapshotsKeepsOnlyThose() {
		stubListing();

		List<Snapshot> snapshots = this.provider
			.list(new SnapshotQuery(Set.of(), null, null, null, null, null, false, "asp-Nightly1"), null, 10)
			.items();

		assertThat(snapshots).extracting(Snapshot::nativeId).containsExactly("s-Auto0002");
	}

	@Test
	void aDisksPolicyIsReadAgainOnceItMayHaveChanged() {
		stubListing();

		this.provider.list(DISKS, null, 10);
		this.provider.get("s-Auto0002");
		bcc.verify(1, getRequestedFor(urlEqualTo("/v2/volume/v-Data0001")));

		this.clock.advance(BaiduDisks.POLICY_FRESHNESS.plus(Duration.ofSeconds(1)));
		this.provider.list(DISKS, null, 10);
		bcc.verify(2, getRequestedFor(urlEqualTo("/v2/volume/v-Data0001")));
		bcc.verify(2, getRequestedFor(urlEqualTo("/v2/volume/v-Data0002")));
		// a manual snapshot needs only what its disk is, which never changes
		bcc.verify(1, getRequestedFor(urlEqualTo("/v2/volume/v-Data0003")));
	}

	private static void stubListing() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).willReturn(okJson(page("", false, "",
				automatic("s-Auto0002", "v-Data0001", "auto"), automatic("s-Auto0001", "v-Data0002", "AUTO"),
				snapshot("s-Manual01", "v-Data0003", "Available", "2026-11-22T07:00:00Z")))));
		bcc.stubFor(get("/v2/snapshot/s-Auto0002")
			.willReturn(okJson("{\"snapshot\":" + automatic("s-Auto0002", "v-Data0001", "auto") + "}")));
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-Web00001", "asp-Nightly1"))));
		bcc.stubFor(get("/v2/volume/v-Data0002")
			.willReturn(okJson(volumeReply("v-Data0002", "InUse", false, "i-Web00001"))));
		bcc.stubFor(get("/v2/volume/v-Data0003")
			.willReturn(okJson(volumeReply("v-Data0003", "InUse", false, "i-Web00001", "asp-Nightly1"))));
	}

	private static String automatic(String id, String volumeId, String method) {
		return snapshot(id, volumeId, "Available", "2026-11-22T08:00:00Z").replace("\"MANUAL\"", "\"" + method + "\"");
	}

}
