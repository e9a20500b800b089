package io.snapgate.provider.baidu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Page;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamErrorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.page;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Listing follows BCC's markers: a page is read from where the cursor says, every entry's
 * cursor is the marker that starts at it, and the filters BCC cannot apply are applied
 * here.
 */
class BaiduListingTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** Ten snapshots, newest first, as BCC pages them three at a time. */
	private static final List<String> IDS = List.of("s-Snap0010", "s-Snap0009", "s-Snap0008", "s-Snap0007",
			"s-Snap0006", "s-Snap0005", "s-Snap0004", "s-Snap0003", "s-Snap0002", "s-Snap0001");

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	/** Disk snapshots alone, whose cursor is BCC's own marker. */
	private static final SnapshotQuery DISKS = new SnapshotQuery(Set.of(), Scope.VOLUME, null, null, null, null, false,
			null);

	@BeforeEach
	void stubDisks() {
		bcc.stubFor(get(urlPathEqualTo("/v2/volume/v-Data0001"))
			.willReturn(okJson(BaiduUpstream.volumeReply("v-Data0001", "InUse", false, "i-Web00001"))));
		bcc.stubFor(
				post(urlEqualTo("/v2/snapshot/insnap/list")).willReturn(okJson(BaiduUpstream.groupPage(false, ""))));
	}

	@Test
	void pagesFollowTheMarkersAndEveryEntryResumesAtItself() {
		stubPages();

		Page<Snapshot> first = this.provider.list(DISKS, null, 4);
		assertThat(ids(first)).containsExactly("s-Snap0010", "s-Snap0009", "s-Snap0008", "s-Snap0007");
		assertThat(first.entries()).allSatisfy((e) -> assertThat(e.position().value()).isEqualTo(e.item().nativeId()));
		assertThat(first.next()).isEqualTo(new Cursor("s-Snap0006"));

		Page<Snapshot> second = this.provider.list(DISKS, first.next(), 4);
		assertThat(ids(second)).containsExactly("s-Snap0006", "s-Snap0005", "s-Snap0004", "s-Snap0003");
		Page<Snapshot> last = this.provider.list(DISKS, second.next(), 4);
		assertThat(ids(last)).containsExactly("s-Snap0002", "s-Snap0001");
		assertThat(last.next()).isNull();

		// resuming at an entry in the middle of a page lists from that very entry
		Page<Snapshot> resumed = this.provider.list(DISKS, first.entries().get(2).position(), 2);
		assertThat(ids(resumed)).containsExactly("s-Snap0008", "s-Snap0007");

		bcc.verify(getRequestedFor(urlEqualTo("/v2/snapshot?maxKeys=4")));
		bcc.verify(getRequestedFor(urlEqualTo("/v2/snapshot?maxKeys=4&marker=s-Snap0006")));
		bcc.verify(getRequestedFor(urlEqualTo("/v2/snapshot?maxKeys=2&marker=s-Snap0008")));
	}

	@Test
	void theDiskFilterGoesUpstreamAndTheOthersAreAppliedHere() {
		stubPages();
		SnapshotQuery query = new SnapshotQuery(Set.of(SnapshotStatus.AVAILABLE), Scope.VOLUME, "v-Data0001", null,
				Instant.parse("2026-11-22T02:30:00Z"), null, false, null);

		Page<Snapshot> page = this.provider.list(query, null, 50);

		// the odd ones are Creating; createdAfter leaves out the two oldest
		assertThat(ids(page)).containsExactly("s-Snap0010", "s-Snap0008", "s-Snap0006", "s-Snap0004");
		bcc.verify(getRequestedFor(urlEqualTo("/v2/snapshot?maxKeys=50&volumeId=v-Data0001")));
	}

	@Test
	void sparseMatchesAreGatheredOverSeveralPages() {
		stubPages();
		SnapshotQuery onlyCreating = new SnapshotQuery(Set.of(SnapshotStatus.CREATING), Scope.VOLUME, null, null, null,
				null, false, null);

		Page<Snapshot> page = this.provider.list(onlyCreating, null, 3);

		assertThat(ids(page)).containsExactly("s-Snap0009", "s-Snap0007", "s-Snap0005");
		assertThat(page.next()).isEqualTo(new Cursor("s-Snap0004"));
	}

	@Test
	void aSystemScopeListingAsksNothing() {
		Page<Snapshot> page = this.provider
			.list(new SnapshotQuery(Set.of(), Scope.SYSTEM, null, null, null, null, false, null), null, 10);

		assertThat(page.entries()).isEmpty();
		assertThat(page.next()).isNull();
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDiskFilterOfAnotherShapeMatchesNothingAndNeverTravels() {
		Page<Snapshot> page = this.provider
			.list(new SnapshotQuery(Set.of(), null, "v-x&maxKeys=1", null, null, null, false, null), null, 10);

		assertThat(page.entries()).isEmpty();
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aForeignCursorIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.list(SnapshotQuery.ALL, new Cursor("50"), 10))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN));
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void expiredSnapshotsAreLeftOutUnlessAskedFor() {
		String expired = snapshot("s-Old00001", "v-Data0001", "Available", "2026-11-01T00:00:00Z")
			.replace("\"expireTime\":null", "\"expireTime\":\"2026-11-21T00:00:00Z\"");
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).willReturn(okJson(page("", false, "", expired))));

		assertThat(this.provider.list(SnapshotQuery.ALL, null, 10).entries()).isEmpty();
		SnapshotQuery withExpired = new SnapshotQuery(Set.of(), null, null, null, null, null, true, null);
		Page<Snapshot> page = this.provider.list(withExpired, null, 10);
		assertThat(page.items().getFirst().expiresAt()).isEqualTo("2026-11-21T00:00:00Z");
		assertThat(page.items().getFirst().isExpiredAt(NOW)).isTrue();
	}

	@Test
	void aMarkerOfAnotherShapeIsAnUpstreamError() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).willReturn(okJson(page("", true, "../../x"))));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.list(SnapshotQuery.ALL, null, 10))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
	}

	@Test
	void aSnapshotWithoutATimeIsAnUpstreamError() {
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot"))
			.willReturn(okJson(page("", false, "", snapshot("s-Snap0001", "v-Data0001", "Available", "not a time")))));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.provider.list(SnapshotQuery.ALL, null, 10));
	}

	@Test
	void theDiskOfEachSnapshotIsAskedOnce() {
		stubPages();

		this.provider.list(SnapshotQuery.ALL, null, 10);
		this.provider.list(SnapshotQuery.ALL, null, 10);

		bcc.verify(1, getRequestedFor(urlEqualTo("/v2/volume/v-Data0001")));
	}

	@Test
	void aDiskThatCannotBeReadLeavesTheListingIntact() {
		bcc.stubFor(get(urlPathEqualTo("/v2/volume/v-Data0001")).willReturn(aResponse().withStatus(503)));
		stubPages();

		assertThat(this.provider.list(SnapshotQuery.ALL, null, 10).items()).hasSize(10);
	}

	/**
	 * BCC's pages of {@link #IDS}: a marker starts a page at that snapshot,
	 * {@code maxKeys} is honoured, odd-numbered snapshots are still Creating, and
	 * snapshot n was created at hour n.
	 */
	private static void stubPages() {
		for (int start = 0; start < IDS.size(); start++) {
			for (int maxKeys : List.of(1, 2, 3, 4, 10, 50)) {
				int end = Math.min(IDS.size(), start + maxKeys);
				List<String> snapshots = new ArrayList<>();
				for (String id : IDS.subList(start, end)) {
					int n = Integer.parseInt(id.substring(6));
					snapshots.add(snapshot(id, "v-Data0001", (n % 2 == 1) ? "Creating" : "Available",
							"2026-11-22T%02d:00:00Z".formatted(n)));
				}
				boolean truncated = end < IDS.size();
				String body = page(IDS.get(start), truncated, truncated ? IDS.get(end) : "",
						snapshots.toArray(String[]::new));
				String marker = (start == 0) ? "" : "&marker=" + IDS.get(start);
				bcc.stubFor(get(urlEqualTo("/v2/snapshot?maxKeys=" + maxKeys + marker)).willReturn(okJson(body)));
				bcc.stubFor(get(urlEqualTo("/v2/snapshot?maxKeys=" + maxKeys + marker + "&volumeId=v-Data0001"))
					.willReturn(okJson(body)));
			}
		}
	}

	private static List<String> ids(Page<Snapshot> page) {
		return page.items().stream().map(Snapshot::nativeId).toList();
	}

}
