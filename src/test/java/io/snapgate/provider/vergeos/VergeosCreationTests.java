package io.snapgate.provider.vergeos;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW_EPOCH;
import static io.snapgate.provider.vergeos.VergeosFixtures.PASSWORD;
import static io.snapgate.provider.vergeos.VergeosFixtures.PROVIDER;
import static io.snapgate.provider.vergeos.VergeosFixtures.USER;
import static io.snapgate.provider.vergeos.VergeosFixtures.snapshotRow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating: the body VergeOS is sent, its expiry, and the row read back after the POST.
 */
class VergeosCreationTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void createPostsAbsoluteExpiryAndRereadsTheRow() {
		IdempotencyKey key = new IdempotencyKey("k-1", IdempotencyKey.sha256Hex("request"));
		String token = key.token(PROVIDER);
		String marked = "before upgrade [snapgate:" + token + ":" + key.fingerprint().substring(0, 12) + "]";
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withQueryParam("filter", equalTo("description ct '" + token + "'"))
			.willReturn(okJson("[]")));
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshots")).withBasicAuth(USER, PASSWORD)
			.withRequestBody(equalToJson("""
					{"name":"pre-upgrade","description":"%s","min_snapshots":1,"expires":%d,
					 "expires_type":"date","immutable":true,"private":false}""".formatted(marked,
					NOW_EPOCH + 7 * 86400)))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"location\":\"/v4/cloud_snapshots/31\",\"dbpath\":\"cloud_snapshots/31\",\"$row\":1,"
						+ "\"$key\":\"31\"}")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/31")).willReturn(okJson(snapshotRow(31,
				"pre-upgrade", marked, NOW_EPOCH, NOW_EPOCH + 7 * 86400, true, "locked", 0, "normal", 901L))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/tasks")).withQueryParam("filter", equalTo("($key eq 901)"))
			.willReturn(okJson("[{\"$key\":901,\"status\":\"running\"}]")));

		Snapshot created = this.provider.create(new CreateSnapshot("pre-upgrade", "before upgrade", null,
				java.time.Duration.ofDays(7), false, true, false, key));

		assertThat(created.nativeId()).isEqualTo("31");
		assertThat(created.status()).isEqualTo(SnapshotStatus.CREATING);
		assertThat(created.description()).isEqualTo("before upgrade");
		assertThat(created.expiresAt()).isEqualTo(NOW.plus(java.time.Duration.ofDays(7)));
		assertThat(created.attributes()).containsEntry("task", "901");
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshots")));
	}

	@Test
	void aSnapshotThatNeverExpiresIsSentWithExpiresZeroAndTypeNever() {
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshots")).withRequestBody(equalToJson("""
				{"name":"keep","description":"","min_snapshots":1,"expires":0,"expires_type":"never",
				 "immutable":false,"private":true}"""))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"32\"}")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/32"))
			.willReturn(okJson(snapshotRow(32, "keep", "", NOW_EPOCH, 0, false, "unlocked", 0, "normal", null))));

		Snapshot created = this.provider.create(new CreateSnapshot("keep", null, null, null, true, false, true, null));

		assertThat(created.expiresAt()).isNull();
		assertThat(created.status()).isEqualTo(SnapshotStatus.AVAILABLE);
	}

	@Test
	void withoutARetentionTheDefaultRetentionApplies() {
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshots"))
			.withRequestBody(equalToJson("{\"expires\":%d,\"expires_type\":\"date\"}".formatted(NOW_EPOCH + 3 * 86400),
					true, true))
			.willReturn(aResponse().withStatus(202).withBody("{\"$key\":\"33\"}")));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshots/33")).willReturn(notFound()));

		Snapshot created = this.provider.create(new CreateSnapshot("d", null, null, null, false, false, false, null));

		assertThat(created.nativeId()).isEqualTo("33");
		assertThat(created.status()).isEqualTo(SnapshotStatus.CREATING);
		assertThat(created.expiresAt()).isEqualTo(NOW.plus(java.time.Duration.ofDays(3)));
	}

}
