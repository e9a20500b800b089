package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Page;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOT_EXPIRED;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.PASSWORD;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROVIDER;
import static io.snapgate.provider.vergeos.VergeosFixtures.SNAPSHOT_FIELDS;
import static io.snapgate.provider.vergeos.VergeosFixtures.USER;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.vmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Listing, reading one snapshot and reading its members, against VergeOS's real request
 * and response shapes.
 */
class VergeosListingTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	/** The cloud snapshots alone: the system has no VM snapshots. */
	@BeforeEach
	void noVmSnapshots() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/machine_snapshots")).atPriority(10).willReturn(okJson("[]")));
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods")).atPriority(10).willReturn(okJson("[]")));
	}

	@Test
	void listingAsksForUnexpiredSnapshotsNewestFirstWithExplicitFieldsAndPages() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withBasicAuth(USER, PASSWORD)
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withQueryParam("fields", equalTo(SNAPSHOT_FIELDS))
			.withQueryParam("filter", equalTo(NOT_EXPIRED))
			.withQueryParam("sort", equalTo("-created"))
			.withQueryParam("limit", equalTo("2"))
			.withQueryParam("offset", equalTo("0"))
			.willReturn(okJson("[" + snapshotRow(3, "c") + "," + snapshotRow(2, "b") + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("offset", equalTo("2"))
			.withQueryParam("limit", equalTo("2"))
			.willReturn(okJson("[" + snapshotRow(1, "a") + "]")));

		Page<Snapshot> first = this.provider.list(SnapshotQuery.ALL, null, 2);
		Page<Snapshot> second = this.provider.list(SnapshotQuery.ALL, first.next(), 2);

		assertThat(first.items()).extracting(Snapshot::nativeId).containsExactly("3", "2");
		assertThat(first.entries()).extracting((entry) -> entry.position().value()).containsExactly("0", "1");
		assertThat(first.next()).isEqualTo(new Cursor("2"));
		assertThat(second.items()).extracting(Snapshot::nativeId).containsExactly("1");
		assertThat(second.entries().getFirst().position()).isEqualTo(new Cursor("2"));
		assertThat(second.next()).isNull();
	}

	@Test
	void aNameWithAQuoteIsEscapedInTheFilter() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo(NOT_EXPIRED + " and name eq 'O''Brien'"))
			.willReturn(okJson("[" + snapshotRow(4, "O'Brien") + "]")));

		Page<Snapshot> page = this.provider.list(query(Set.of(), "O'Brien", null, null, false), null, 10);

		assertThat(page.items()).extracting(Snapshot::name).containsExactly("O'Brien");
	}

	@Test
	void creationTimesAreFilteredUpstreamAndExpiredOnesOnRequest() {
		Instant after = Instant.ofEpochSecond(NOW_EPOCH - 7200);
		Instant before = Instant.ofEpochSecond(NOW_EPOCH - 60).plusMillis(500);
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter",
					equalTo("created gt " + (NOW_EPOCH - 7200) + " and created lt " + (NOW_EPOCH - 59)))
			.willReturn(okJson("["
					+ snapshotRow(5, "x", "", NOW_EPOCH - 3600, NOW_EPOCH - 10, false, "unlocked", 0, "normal", null)
					+ "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("filter", absent())
			.willReturn(okJson("[]")));

		Page<Snapshot> page = this.provider.list(query(Set.of(), null, after, before, true), null, 10);
		Page<Snapshot> unfiltered = this.provider.list(query(Set.of(), null, null, null, true), null, 10);

		assertThat(page.items()).extracting(Snapshot::nativeId).containsExactly("5");
		assertThat(page.items().getFirst().expiresAt()).isBefore(NOW);
		assertThat(unfiltered.items()).isEmpty();
	}

	@Test
	void statusIsFilteredAfterTheFactKeepingEachEntrysOwnOffset() {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("offset", equalTo("0"))
					.willReturn(okJson("["
							+ snapshotRow(9, "new", "", NOW_EPOCH, NOW_EPOCH + 100, false, "unlocked", 0, "normal", 77L)
							+ "," + snapshotRow(8, "old") + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/tasks")).withQueryParam("fields", equalTo("$key,status"))
			.withQueryParam("filter", equalTo("($key eq 77)"))
			.willReturn(okJson("[{\"$key\":77,\"status\":\"running\"}]")));

		Page<Snapshot> available = this.provider.list(query(Set.of(SnapshotStatus.AVAILABLE), null, null, null, false),
				null, 5);
		Page<Snapshot> creating = this.provider.list(query(Set.of(SnapshotStatus.CREATING), null, null, null, false),
				null, 5);

		assertThat(available.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.item().nativeId()).isEqualTo("8");
			assertThat(entry.position()).isEqualTo(new Cursor("1"));
		});
		assertThat(creating.items()).extracting(Snapshot::nativeId).containsExactly("9");
		assertThat(available.next()).isNull();
	}

	@Test
	void aVolumeScopeOrVolumeFilterIsEmptyWithoutAskingVergeos() {
		assertThat(this.provider
			.list(new SnapshotQuery(Set.of(), Scope.VOLUME, null, null, null, null, false, null), null, 10)
			.entries()).isEmpty();
		assertThat(this.provider.list(new SnapshotQuery(Set.of(), null, "v-1", null, null, null, false, null), null, 10)
			.entries()).isEmpty();
		vergeos.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void keysAsStringsSingleObjectsAndEmptyBodiesAreRead() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("offset", equalTo("0"))
			.willReturn(okJson(snapshotRow(6, "only").replace("\"$key\":6", "\"$key\":\"6\""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("offset", equalTo("10"))
			.willReturn(aResponse().withStatus(200)));

		assertThat(this.provider.list(SnapshotQuery.ALL, null, 10).items()).extracting(Snapshot::nativeId)
			.containsExactly("6");
		assertThat(this.provider.list(SnapshotQuery.ALL, new Cursor("10"), 10).entries()).isEmpty();
	}

	@Test
	void aSnapshotIsMappedWithItsLockExpiryAndAttributes() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12"))
			.withQueryParam("fields", equalTo(SNAPSHOT_FIELDS))
			.willReturn(
					okJson("""
							{"$key":12,"name":"Weekly","description":"before upgrade [snapgate:0123456789abcdef0123456789abcdef:0123456789ab]",
							 "created":1735689600,"expires":0,"snapshot_profile":5,"snapshot_period":{"$key":17},
							 "private":true,"remote_sync":false,
							 "immutable":true,"immutable_status":"locked","immutable_lock_expires":1735862400,
							 "status":"held","status_info":"kept by min_snapshots","task":null}""")));

		Snapshot snapshot = this.provider.get("12").orElseThrow();

		assertThat(snapshot.provider()).isEqualTo(PROVIDER);
		assertThat(snapshot.providerType().value()).isEqualTo("vergeos");
		assertThat(snapshot.scope()).isEqualTo(Scope.SYSTEM);
		assertThat(snapshot.description()).isEqualTo("before upgrade");
		assertThat(snapshot.status()).isEqualTo(SnapshotStatus.AVAILABLE);
		assertThat(snapshot.providerStatus()).isEqualTo("held");
		assertThat(snapshot.createdAt()).isEqualTo(Instant.ofEpochSecond(1735689600));
		assertThat(snapshot.expiresAt()).isNull();
		assertThat(snapshot.immutable()).isTrue();
		assertThat(snapshot.locked()).isTrue();
		assertThat(snapshot.lockExpiresAt()).isEqualTo(Instant.ofEpochSecond(1735862400));
		assertThat(snapshot.policy()).isEqualTo("5");
		assertThat(snapshot.attributes())
			.containsExactlyInAnyOrderEntriesOf(Map.of("immutableStatus", "locked", "private", "true", "remoteSync",
					"false", "statusInfo", "kept by min_snapshots", "snapshotProfile", "5", "snapshotPeriod", "17"));
	}

	@Test
	void aSnapshotTakenByHandHasNoPolicy() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/15")).willReturn(
				okJson(snapshotRow(15, "manual").replace("\"snapshot_profile\":null", "\"snapshot_profile\":0"))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/16")).willReturn(okJson(snapshotRow(16, "hand"))));

		assertThat(this.provider.get("15").orElseThrow().policy()).isNull();
		assertThat(this.provider.get("16").orElseThrow().policy()).isNull();
	}

	@Test
	void aPolicysSnapshotsAreFilteredUpstreamByTheirProfile() {
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("fields", equalTo(SNAPSHOT_FIELDS))
				.withQueryParam("filter", equalTo(NOT_EXPIRED + " and snapshot_profile eq 5"))
				.withQueryParam("sort", equalTo("-created"))
				.willReturn(okJson("[" + snapshotRow(21, "hourly_20261122_0900").replace("\"snapshot_profile\":null",
						"\"snapshot_profile\":5") + "]")));

		Page<Snapshot> page = this.provider.list(new SnapshotQuery(Set.of(), null, null, null, null, null, false, "5"),
				null, 10);

		assertThat(page.items()).extracting(Snapshot::policy).containsExactly("5");
	}

	@Test
	void aPolicyIdThatIsNoProfileKeyMatchesNothingWithoutAskingVergeos() {
		Page<Snapshot> page = this.provider
			.list(new SnapshotQuery(Set.of(), null, null, null, null, null, false, "asp-1' or 1 eq 1"), null, 10);

		assertThat(page.entries()).isEmpty();
		vergeos.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anUnknownStatusIsUnavailableAndAMissingSnapshotIsEmpty() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/13"))
			.willReturn(okJson(snapshotRow(13, "odd", "", NOW_EPOCH, 0, false, "unlocked", 0, "syncing", null))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/14"))
			.willReturn(notFound().withBody("{\"err\":\"Row not found\"}")));

		assertThat(this.provider.get("13").orElseThrow().status()).isEqualTo(SnapshotStatus.UNAVAILABLE);
		assertThat(this.provider.get("14")).isEmpty();
	}

	@Test
	void membersAreTheSnapshotsVmAndTenantRows() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(okJson(snapshotRow(12, "s"))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_vms"))
			.withQueryParam("fields", equalTo("$key,cloud_snapshot,name,status,status_info"))
			.withQueryParam("filter", equalTo("cloud_snapshot eq 12"))
			.withQueryParam("sort", equalTo("+name"))
			.withQueryParam("limit", equalTo("500"))
			.withQueryParam("offset", equalTo("0"))
			.willReturn(okJson("[" + vmRow(100, 12, "web-01", "idle") + "," + vmRow(101, 12, "web-02", "idle") + "]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_tenants"))
			.withQueryParam("filter", equalTo("cloud_snapshot eq 12"))
			.willReturn(okJson("{\"$key\":\"200\",\"cloud_snapshot\":12,\"name\":\"acme\",\"status\":\"idle\"}")));

		List<Member> members = this.provider.members("12", EnumSet.allOf(MemberType.class));

		assertThat(members).containsExactly(new Member(MemberType.VM, "100", "web-01"),
				new Member(MemberType.VM, "101", "web-02"), new Member(MemberType.TENANT, "200", "acme"));
	}

	@Test
	void membersOfAMissingSnapshotAreNotFound() {
		vergeos.stubFor(get(urlPathMatching("/api/v4/cloud_snapshot_(vms|tenants)")).willReturn(okJson("[]")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/99")).willReturn(notFound()));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.members("99", EnumSet.allOf(MemberType.class)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
	}

	@Test
	void membersFoundProveTheSnapshotExistsWithoutReadingIt() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_vms"))
			.willReturn(okJson("[{\"$key\":41,\"name\":\"web-01\",\"cloud_snapshot\":12}]")));

		assertThat(this.provider.members("12", EnumSet.of(MemberType.VM))).extracting(Member::name)
			.containsExactly("web-01");
		vergeos.verify(0, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots/12")));
	}

	private static SnapshotQuery query(Set<SnapshotStatus> statuses, String name, Instant after, Instant before,
			boolean includeExpired) {
		return new SnapshotQuery(statuses, null, null, name, after, before, includeExpired, null);
	}

}
