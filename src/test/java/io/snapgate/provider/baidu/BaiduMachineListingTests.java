package io.snapgate.provider.baidu;

import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.Page;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.group;
import static io.snapgate.provider.baidu.BaiduUpstream.groupDisk;
import static io.snapgate.provider.baidu.BaiduUpstream.instanceReply;
import static io.snapgate.provider.baidu.BaiduUpstream.page;
import static io.snapgate.provider.baidu.BaiduUpstream.snapshot;
import static io.snapgate.provider.baidu.BaiduUpstream.volume;
import static io.snapgate.provider.baidu.BaiduUpstream.volumePage;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Machine snapshots listed with disk snapshots: BCC's two listings, each paged by its own
 * marker, merged newest first under one cursor; a disk snapshot taken in a group is
 * listed inside it only; {@code ?machine=} and {@code ?scope=MACHINE} ask BCC for groups
 * alone.
 */
class BaiduMachineListingTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String LIST = "/v2/snapshot/insnap/list";

	private final BaiduSnapshotProvider provider = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock());

	@BeforeEach
	void stubBcc() {
		bcc.stubFor(get(urlPathEqualTo("/v2/volume/v-Data0001"))
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-Web00001"))));
		bcc.stubFor(get(urlPathEqualTo("/v2/volume/v-Sys00001"))
			.willReturn(okJson(volumeReply("v-Sys00001", "InUse", true, "i-Web00001"))));
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).willReturn(
				okJson(page("", false, "", snapshot("s-Snap0003", "v-Data0001", "Available", "2026-11-22T10:00:00Z"),
						snapshot("s-Grp00001", "v-Data0001", "Available", "2026-11-22T09:30:00Z")
							.replace("\"insnapId\":\"\"", "\"insnapId\":\"insnap-One00001\""),
						snapshot("s-Snap0001", "v-Data0001", "Available", "2026-11-22T08:00:00Z")))));
		bcc.stubFor(get(urlPathEqualTo("/v2/snapshot")).withQueryParam("marker", equalTo("s-Snap0001"))
			.willReturn(okJson(page("s-Snap0001", false, "",
					snapshot("s-Snap0001", "v-Data0001", "Available", "2026-11-22T08:00:00Z")))));
		bcc.stubFor(
				post(urlEqualTo(LIST)).withRequestBody(equalToJson("{\"maxKeys\":2}"))
					.willReturn(okJson("{\"marker\":\"-1\",\"isTruncated\":true,\"nextMarker\":\"insnap-Two00001\","
							+ "\"maxKeys\":2,\"instanceSnapshots\":[" + group("insnap-One00001", "i-Web00001", "active",
									"2026-11-22T09:30:00Z", groupDisk("s-Grp00001", "v-Data0001", "Available"))
							+ "]}")));
		bcc.stubFor(
				post(urlEqualTo(LIST)).withRequestBody(equalToJson("{\"marker\":\"insnap-Two00001\",\"maxKeys\":2}"))
					.willReturn(okJson("{\"marker\":\"insnap-Two00001\",\"isTruncated\":false,\"nextMarker\":\"\","
							+ "\"maxKeys\":2,\"instanceSnapshots\":[" + group("insnap-Two00001", "i-Web00001", "active",
									"2026-11-22T07:00:00Z", groupDisk("s-Grp00002", "v-Sys00001", "Available"))
							+ "]}")));
	}

	@Test
	void groupsAndDiskSnapshotsAreMergedNewestFirstAndAGroupsDiskSnapshotIsListedInsideItOnly() {
		Page<Snapshot> first = this.provider.list(SnapshotQuery.ALL, null, 2);
		Page<Snapshot> second = this.provider.list(SnapshotQuery.ALL, first.next(), 2);

		assertThat(first.entries()).extracting((e) -> e.item().nativeId())
			.containsExactly("s-Snap0003", "insnap-One00001");
		assertThat(first.entries().get(1).item().scope()).isEqualTo(Scope.MACHINE);
		assertThat(second.entries()).extracting((e) -> e.item().nativeId())
			.containsExactly("s-Snap0001", "insnap-Two00001");
		assertThat(second.next()).isNull();
		bcc.verify(postRequestedFor(urlEqualTo(LIST))
			.withRequestBody(equalToJson("{\"marker\":\"insnap-Two00001\",\"maxKeys\":2}")));
		BaiduUpstream.assertSignedAt(bcc.findAll(postRequestedFor(urlEqualTo(LIST))).getFirst(), BaiduUpstream.NOW);
	}

	@Test
	void aMachineFilterAsksBccForThatInstancesGroupsAlone() {
		bcc.stubFor(
				post(urlEqualTo(LIST)).withRequestBody(equalToJson("{\"maxKeys\":10,\"instanceIds\":[\"i-Web00001\"]}"))
					.willReturn(okJson("{\"marker\":\"-1\",\"isTruncated\":false,\"nextMarker\":\"\",\"maxKeys\":10,"
							+ "\"instanceSnapshots\":[" + group("insnap-One00001", "i-Web00001", "active",
									"2026-11-22T09:30:00Z", groupDisk("s-Grp00001", "v-Data0001", "Available"))
							+ "]}")));

		Page<Snapshot> page = this.provider
			.list(new SnapshotQuery(Set.of(), null, null, null, null, null, false, null, "i-Web00001"), null, 10);
		Page<Snapshot> scoped = this.provider.list(
				new SnapshotQuery(Set.of(), Scope.MACHINE, null, null, null, null, false, null, "i-Web00001"), null,
				10);

		assertThat(page.entries()).extracting((e) -> e.item().nativeId()).containsExactly("insnap-One00001");
		assertThat(scoped.entries()).extracting((e) -> e.item().nativeId()).containsExactly("insnap-One00001");
		bcc.verify(0, getRequestedFor(urlPathEqualTo("/v2/snapshot")));
	}

	@Test
	void aBurstOf5xxOnTheCreateIsTheUpstreamsAndTheRetrySendsTheSameToken() {
		bcc.stubFor(get("/v2/instance/i-Web00001").willReturn(okJson(instanceReply("i-Web00001", "Running"))));
		bcc.stubFor(get(urlEqualTo("/v2/volume?maxKeys=100&instanceId=i-Web00001"))
			.willReturn(okJson(volumePage(false, "", volume("v-Sys00001", "InUse", true, "i-Web00001", null),
					volume("v-Data0001", "InUse", false, "i-Web00001", null)))));
		String create = "/v2/snapshot/insnap/create";
		bcc.stubFor(post(urlPathEqualTo(create)).inScenario("burst")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500).withBody(error("InternalError")))
			.willSetStateTo("again"));
		bcc.stubFor(post(urlPathEqualTo(create)).inScenario("burst")
			.whenScenarioStateIs("again")
			.willReturn(aResponse().withStatus(503).withBody(error("ServiceUnavailable")))
			.willSetStateTo("up"));
		bcc.stubFor(post(urlPathEqualTo(create)).inScenario("burst")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"inSnapshotId\":\"insnap-One00001\",\"snapshotIds\":[\"s-Grp00001\"]}")));
		bcc.stubFor(post(urlEqualTo(LIST))
			.withRequestBody(equalToJson("{\"maxKeys\":1,\"instanceSnapshotIds\":[\"insnap-One00001\"]}"))
			.willReturn(okJson(BaiduUpstream.groupPage(false, "", group("insnap-One00001", "i-Web00001", "creating",
					"2026-11-22T10:00:00Z", groupDisk("s-Grp00001", "v-Sys00001", "Creating"))))));
		CreateSnapshot command = new CreateSnapshot("web", null, null, null, false, false, false,
				new IdempotencyKey("key-9", "fingerprint"), "i-Web00001", false);

		assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(() -> this.provider.create(command));
		assertThatExceptionOfType(UpstreamUnavailableException.class).isThrownBy(() -> this.provider.create(command));
		Snapshot created = this.provider.create(command);

		assertThat(created.nativeId()).isEqualTo("insnap-One00001");
		List<String> tokens = bcc.findAll(postRequestedFor(urlPathEqualTo(create)))
			.stream()
			.map((post) -> post.queryParameter("clientToken").firstValue())
			.distinct()
			.toList();
		assertThat(tokens).singleElement().isEqualTo(BaiduSnapshotProviderTests.token("key-9"));
		assertThat(this.provider.deduplicatesCreates()).isTrue();
	}

}
