package io.snapgate.provider.vergeos;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROVIDER;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating twice with one idempotency key makes one snapshot, though VergeOS has no
 * client token: the key rides in the description, and is looked up before every create.
 */
class VergeosIdempotencyTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private static final IdempotencyKey KEY = new IdempotencyKey("6f1c0a62", IdempotencyKey.sha256Hex("request A"));

	private static final String TOKEN = KEY.token(PROVIDER);

	private static final String MARKED = "nightly [snapgate:" + TOKEN + ":" + KEY.fingerprint().substring(0, 12) + "]";

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void aRepeatFindsTheFirstSnapshotAndPostsNothing() {
		lookupAnswers("[" + marked(41) + "]");

		Snapshot again = this.provider.create(command(KEY));

		assertThat(again.nativeId()).isEqualTo("41");
		assertThat(again.description()).isEqualTo("nightly");
		vergeos.verify(0, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefused() {
		lookupAnswers("[" + marked(41) + "]");
		IdempotencyKey other = new IdempotencyKey(KEY.key(), IdempotencyKey.sha256Hex("request B"));

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.provider.create(command(other)));
		vergeos.verify(0, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void aLostReplyIsFoundByTheNextCreateWithTheSameKey() {
		// VergeOS records the snapshot, then the connection drops before its reply
		// arrives
		postRecords("lost reply", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 42);

		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> this.provider.create(command(KEY)))
			.satisfies((ex) -> assertThat(ex.requestSent()).isTrue());
		Snapshot second = this.provider.create(command(KEY));

		assertThat(second.nativeId()).isEqualTo("42");
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
		vergeos.verify(2, getRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("filter",
				equalTo("description ct '" + TOKEN + "'")));
	}

	@Test
	void aTwinThatWonTheNameIsRecognisedByItsMarker() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withStatus(409).withBody("{\"err\":\"Row exists: name\"}")));
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("filter", equalTo("name eq 'nightly'"))
					.withQueryParam("limit", equalTo("1"))
					.willReturn(okJson("[" + marked(43) + "]")));

		assertThat(this.provider.create(command(KEY)).nativeId()).isEqualTo("43");
	}

	@Test
	void aNameTakenBySomebodyElseIsAConflict() {
		lookupAnswers("[]");
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.willReturn(aResponse().withStatus(409).withBody("{\"err\":\"Row exists\"}")));
		vergeos
			.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
				.withQueryParam("filter", equalTo("name eq 'nightly'"))
				.willReturn(okJson("["
						+ snapshotRow(44, "nightly", "made by hand", NOW_EPOCH, 0, false, "unlocked", 0, "normal", null)
						+ "]")));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.provider.create(command(KEY)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN));
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void aReplyWithoutAKeyIsResolvedThroughTheMarker() {
		postRecords("keyless", aResponse().withStatus(201), 45);

		assertThat(this.provider.create(command(KEY)).nativeId()).isEqualTo("45");
	}

	private static CreateSnapshot command(IdempotencyKey key) {
		return new CreateSnapshot("nightly", "nightly", null, Duration.ofDays(1), false, false, false, key);
	}

	private static String marked(long key) {
		return snapshotRow(key, "nightly", MARKED, NOW_EPOCH - 5, NOW_EPOCH + 86400, false, "unlocked", 0, "normal",
				null);
	}

	/**
	 * The marker lookup finds nothing until the POST (answered with {@code answer}) has
	 * recorded snapshot {@code key}.
	 */
	private static void postRecords(String scenario, ResponseDefinitionBuilder answer, long key) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
			.inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshots")).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("recorded")
			.willReturn(answer));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
			.inScenario(scenario)
			.whenScenarioStateIs("recorded")
			.willReturn(okJson("[" + marked(key) + "]")));
	}

	private static void lookupAnswers(String rows) {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo("description ct '" + TOKEN + "'"))
			.withQueryParam("fields", equalTo(VergeosFixtures.SNAPSHOT_FIELDS))
			.willReturn(okJson(rows)));
	}

}
