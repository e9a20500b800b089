package io.snapgate.sandbox.vergeos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.domain.SnapshotQuery;
import io.snapgate.domain.SnapshotStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A copy off-site through the public API, with the real adapter talking HTTP to both
 * emulated VergeOS systems: a snapshot of {@code sandbox-vergeos} sent to
 * {@code sandbox-vergeos-dr} through the outgoing sync {@code to-dr-site}, followed until
 * the DR site shows it, and found there; and a copy the sandbox makes fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "snapgate.sandbox.vergeos.create-delay=PT0.5S", "snapgate.sandbox.vergeos.sync-delay=PT0.5S",
				"snapgate.sandbox.vergeos.schedule-tick=PT0.2S" })
@ActiveProfiles("sandbox")
class VergeosSiteSyncJourneyIT {

	private static final String MAIN = "sandbox-vergeos";

	private static final String DR = "sandbox-vergeos-dr";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ProviderRegistry registry;

	@Test
	void bothSitesAreProvidersAndTheMainSiteCopiesToTheDrSite() throws Exception {
		String providers = send("GET", "/providers", null).body();

		assertThat(JsonPath.<List<String>>read(providers, "$[*].id")).contains(MAIN, DR);
		assertThat(JsonPath.<List<String>>read(providers, "$[?(@.id == '" + DR + "')].health")).containsExactly("UP");
		assertThat(JsonPath.<List<String>>read(providers, "$[?(@.id == '" + MAIN + "')].copyTargets[*].provider"))
			.containsExactly(DR);
	}

	@Test
	void aSnapshotCopiedToTheDrSiteArrivesAndIsReadThereThroughTheAdapter() throws Exception {
		String name = "offsite-" + UUID.randomUUID().toString().substring(0, 8);
		String id = available(name);

		HttpResponse<String> started = send("POST", "/snapshots/" + id + "/copies",
				"{\"targetProvider\":\"" + DR + "\",\"retention\":\"P2D\"}");

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String copyId = JsonPath.read(started.body(), "$.id");
		assertThat(JsonPath.<String>read(started.body(), "$.snapshotId")).isEqualTo(id);
		assertThat(JsonPath.<String>read(started.body(), "$.targetProvider")).isEqualTo(DR);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.read(send("GET", "/copies/" + copyId, null).body(), "$.status"), "SUCCEEDED"::equals);
		String copy = send("GET", "/copies/" + copyId, null).body();
		String copied = JsonPath.read(copy, "$.copySnapshotId");
		assertThat(copied).startsWith(DR + ":");
		assertThat(
				JsonPath.<List<String>>read(send("GET", "/snapshots/" + id + "/copies", null).body(), "$.items[*].id"))
			.containsExactly(copyId);
		assertThat(JsonPath.<List<String>>read(send("GET", "/snapshots/" + id + "/copies", null).body(),
				"$.items[*].copySnapshotId"))
			.containsExactly(copied);

		SnapshotProvider dr = this.registry.require(new ProviderId(DR));
		Snapshot arrived = dr.get(copied.substring(DR.length() + 1)).orElseThrow();
		assertThat(arrived.name()).isEqualTo(name);
		assertThat(arrived.status()).isEqualTo(SnapshotStatus.AVAILABLE);
		assertThat(
				dr.list(new SnapshotQuery(Set.of(), null, null, name, null, null, false, null, null), null, 10).items())
			.extracting(Snapshot::nativeId)
			.containsExactly(arrived.nativeId());
		String atDr = send("GET", "/snapshots/" + copied, null).body();
		assertThat(JsonPath.<String>read(atDr, "$.provider")).isEqualTo(DR);
		assertThat(JsonPath.<String>read(atDr, "$.status")).isEqualTo("AVAILABLE");
	}

	@Test
	void aCopyOfASnapshotNamedFailCopyFails() throws Exception {
		String id = available("nightly-fail-copy-" + UUID.randomUUID().toString().substring(0, 8));

		HttpResponse<String> started = send("POST", "/snapshots/" + id + "/copies",
				"{\"targetProvider\":\"" + DR + "\"}");

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String copyId = JsonPath.read(started.body(), "$.id");
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.read(send("GET", "/copies/" + copyId, null).body(), "$.status"), "FAILED"::equals);
		assertThat(JsonPath.<String>read(send("GET", "/copies/" + copyId, null).body(), "$.failureReason"))
			.isNotBlank();
	}

	@Test
	void theDrSiteIsListedThroughTheAdapterWithNoPolicyOfItsOwn() throws Exception {
		HttpResponse<String> snapshots = send("GET", "/snapshots?provider=" + DR, null);
		HttpResponse<String> policies = send("GET", "/policies?provider=" + DR, null);

		assertThat(snapshots.statusCode()).as(snapshots.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(snapshots.body(), "$.items[*].provider")).allMatch(DR::equals);
		assertThat(JsonPath.<List<Object>>read(snapshots.body(), "$.providerErrors")).isEmpty();
		assertThat(policies.statusCode()).as(policies.body()).isEqualTo(200);
		assertThat(JsonPath.<List<Object>>read(policies.body(), "$.items")).isEmpty();
	}

	/** A new snapshot of the main site, once it is available. */
	private String available(String name) throws Exception {
		HttpResponse<String> created = send("POST", "/snapshots",
				"{\"provider\":\"" + MAIN + "\",\"name\":\"" + name + "\",\"retention\":\"P1D\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		String id = JsonPath.read(created.body(), "$.id");
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.read(send("GET", "/snapshots/" + id, null).body(), "$.status"), "AVAILABLE"::equals);
		return id;
	}

	private HttpResponse<String> send(String method, String path, @Nullable String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
