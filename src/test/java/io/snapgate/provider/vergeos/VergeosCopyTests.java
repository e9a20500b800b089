package io.snapgate.provider.vergeos;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyCommand;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Copying a cloud snapshot to the VergeOS at the other end of an outgoing Site Sync: the
 * sync found by name, the snapshot queued with {@code add_to_queue}, its queue entry
 * followed, and its copy found among the remote site's snapshots.
 */
class VergeosCopyTests {

	private static final String ACTIONS = "/api/v4/site_syncs_outgoing_actions";

	private static final String QUEUE = "/api/v4/site_syncs_outgoing_queue";

	private static final String REMOTE = "/api/v4/site_syncs_outgoing_remote_snaps";

	private static final ProviderId DR = new ProviderId("vergeos-dr");

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final CopyProvider copies = provider(VergeosFixtures.CLOCK).copies().orElseThrow();

	@BeforeEach
	void stubVergeos() {
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/12")).willReturn(okJson(snapshotRow(12, "nightly"))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/site_syncs_outgoing"))
			.withQueryParam("filter", equalTo("name eq 'to-dr'"))
			.withQueryParam("fields", equalTo("$key,name,enabled,status,state"))
			.willReturn(okJson(
					"[{\"$key\":4,\"name\":\"to-dr\",\"enabled\":true,\"status\":\"syncing\",\"state\":\"online\"}]")));
		vergeos.stubFor(get(urlPathEqualTo(QUEUE)).inScenario("queue")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo(ACTIONS)).inScenario("queue")
			.willReturn(aResponse().withStatus(201))
			.willSetStateTo("queued"));
		vergeos.stubFor(get(urlPathEqualTo(QUEUE)).inScenario("queue")
			.whenScenarioStateIs("queued")
			.willReturn(okJson(queueRow("syncing", 604800))));
		vergeos.stubFor(get(urlPathEqualTo(REMOTE)).willReturn(okJson("[]")));
	}

	@Test
	void aCopyQueuesTheSnapshotOnTheSyncThatReachesTheTarget() {
		Copy copy = this.copies.copy(command(Duration.ofDays(7), "dr-1"));

		vergeos.verify(1, postRequestedFor(urlPathEqualTo(ACTIONS)).withRequestBody(equalToJson(
				"{\"site_syncs_outgoing\":4,\"action\":\"add_to_queue\",\"params\":{\"cloud_snapshot\":12,\"retention\":604800}}")));
		vergeos.verify(getQueue().withQueryParam("filter", equalTo("site_syncs_outgoing eq 4 and cloud_snapshot eq 12"))
			.withQueryParam("fields", equalTo("$key,cloud_snapshot,status,retention,timestamp")));
		assertThat(copy.status()).isEqualTo(CopyStatus.RUNNING);
		assertThat(copy.target()).isEqualTo(DR);
		assertThat(this.copies.isValidCopyHandle(copy.handle())).isTrue();
	}

	@Test
	void aKeyedCopyRepeatedFindsItsQueueEntryAndQueuesNothingMore() {
		this.copies.copy(command(Duration.ofDays(7), "dr-1"));
		Copy again = this.copies.copy(command(Duration.ofDays(7), "dr-1"));

		vergeos.verify(1, postRequestedFor(urlPathEqualTo(ACTIONS)));
		assertThat(again.startedAt()).isEqualTo(NOW.minusSeconds(30));
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.copies.copy(command(Duration.ofDays(30), "dr-1")));
		vergeos.verify(1, postRequestedFor(urlPathEqualTo(ACTIONS)));
	}

	@Test
	void aCompleteEntryIsSucceededWithTheRemoteSitesKeyOnceTheRemoteSiteListsIt() {
		vergeos.stubFor(get(urlPathEqualTo(QUEUE)).willReturn(okJson(queueRow("complete", 604800))));
		Copy copy = this.copies.copy(command(null, "dr-1"));
		assertThat(copy.status()).as("complete, but not yet listed at the remote site").isEqualTo(CopyStatus.RUNNING);

		vergeos.stubFor(get(urlPathEqualTo(REMOTE))
			.withQueryParam("filter", equalTo("site_syncs_outgoing eq 4 and name eq 'nightly'"))
			.willReturn(okJson(
					"[{\"$key\":9,\"name\":\"nightly\",\"status\":\"complete\",\"remote_key\":\"77\",\"created\":"
							+ NOW_EPOCH + "}]")));

		Copy read = this.copies.copyStatus(copy.handle());
		assertThat(read.status()).isEqualTo(CopyStatus.SUCCEEDED);
		assertThat(read.targetNativeId()).isEqualTo("77");
	}

	@Test
	void anEntryInErrorHasFailedAndAStatusNobodyKnowsIsA502NamingIt() {
		vergeos.stubFor(get(urlPathEqualTo(QUEUE)).willReturn(okJson(queueRow("error", 604800))));
		Copy copy = this.copies.copy(command(null, "dr-1"));
		assertThat(copy.status()).isEqualTo(CopyStatus.FAILED);
		assertThat(copy.failureReason()).contains("error");

		vergeos.stubFor(get(urlPathEqualTo(QUEUE)).willReturn(okJson(queueRow("teleporting", 604800))));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.copies.copyStatus(copy.handle()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("status 'teleporting'"));
	}

	@Test
	void aCopyVergeosShowsNowhereIsLostOnceItHadTimeToBeListed() {
		Copy copy = this.copies.copy(command(null, null));
		vergeos.stubFor(get(urlPathEqualTo(QUEUE)).willReturn(okJson("[]")));
		CopyProvider later = provider(Clock.fixed(NOW.plus(VergeosCopies.LISTING_GRACE), ZoneOffset.UTC)).copies()
			.orElseThrow();

		assertThat(this.copies.copyStatus(copy.handle()).status()).isEqualTo(CopyStatus.PENDING);
		Copy lost = later.copyStatus(copy.handle());
		assertThat(lost.status()).isEqualTo(CopyStatus.FAILED);
		assertThat(lost.failureReason()).contains("neither a queue entry");
	}

	@Test
	void whatSiteSyncCannotSendIsRefusedBeforeAnythingIsQueued() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.copies.copy(new CopyCommand("m9001", DR, null, null)))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("cloud snapshots only"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.copies.copy(new CopyCommand("12", new ProviderId("elsewhere"), null, null)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("targetProvider"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.copies.copy(command(Duration.ofMillis(1500), null)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("retention"));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/13")).willReturn(aResponse().withStatus(404)));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.copies.copy(new CopyCommand("13", DR, null, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aDisabledSyncIsRefusedByFieldAndAMissingOneIsA502NamingTheSetting() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/site_syncs_outgoing")).willReturn(okJson(
				"[{\"$key\":4,\"name\":\"to-dr\",\"enabled\":false,\"status\":\"offline\",\"state\":\"offline\"}]")));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.copies.copy(command(null, null)))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("disabled"));

		vergeos.stubFor(get(urlPathEqualTo("/api/v4/site_syncs_outgoing")).willReturn(okJson("[]")));
		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.copies.copy(command(null, null)))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("copy-syncs.vergeos-dr"));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void thePreviewSaysWhatWouldTravelWhereAndQueuesNothing() {
		Preview preview = this.copies.previewCopy(command(Duration.ofDays(7), null));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.name()).isEqualTo("nightly");
			assertThat(action.description()).contains("'to-dr'").contains("604800 s");
		});
		assertThat(preview.checks()).extracting(Preview.Check::name).containsExactly("SYNC_REACHES_TARGET");
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void theCopiesOfASnapshotAreItsQueueEntriesOnEachSync() {
		vergeos.stubFor(get(urlPathEqualTo(QUEUE)).willReturn(okJson(queueRow("queue", 259200))));

		assertThat(this.copies.copiesOf("12")).singleElement().satisfies((copy) -> {
			assertThat(copy.status()).isEqualTo(CopyStatus.PENDING);
			assertThat(copy.target()).isEqualTo(DR);
		});
		assertThat(this.copies.targets()).singleElement()
			.satisfies((target) -> assertThat(target.via()).isEqualTo("site sync to-dr"));
	}

	private static RequestPatternBuilder getQueue() {
		return getRequestedFor(urlPathEqualTo(QUEUE));
	}

	private static String queueRow(String status, long retention) {
		return "[{\"$key\":31,\"cloud_snapshot\":12,\"status\":\"" + status + "\",\"retention\":" + retention
				+ ",\"timestamp\":" + (NOW_EPOCH - 30) + "}]";
	}

	private static CopyCommand command(Duration retention, String key) {
		return new CopyCommand("12", DR, retention, (key != null) ? new IdempotencyKey(key, "f") : null);
	}

	private static VergeosSnapshotProvider provider(Clock clock) {
		VergeosSettings basic = VergeosFixtures.basic(vergeos.baseUrl());
		VergeosSettings settings = new VergeosSettings(URI.create(vergeos.baseUrl()), basic.username(),
				basic.password(), null, true, null, Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofDays(3),
				ZoneOffset.UTC, Map.of("vergeos-dr", "to-dr"));
		VergeosClient client = VergeosClient.create(WebClient.builder(), settings, clock, "snapgate.providers.test");
		return new VergeosSnapshotProvider(VergeosFixtures.PROVIDER, client, clock, 1, Duration.ofDays(3),
				ZoneOffset.UTC, VergeosFixtures.RESTORES, settings.copySyncs());
	}

}
