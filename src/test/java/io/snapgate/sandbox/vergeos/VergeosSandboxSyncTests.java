package io.snapgate.sandbox.vergeos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The main site's outgoing Site Sync to the DR site, over HTTP on a clock the test moves:
 * its tables, {@code add_to_queue} and what it refuses, a queue sent one snapshot at a
 * time, copies that fail, and profile periods linked to the sync.
 */
class VergeosSandboxSyncTests {

	private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	private static final String API = "/sandbox/vergeos/api/v4";

	private static final String DR = "/sandbox/vergeos-dr/api/v4";

	private static final String QUEUE_FIELDS = "$key,site_syncs_outgoing,cloud_snapshot,status,retention,"
			+ "remote_expiration,priority,do_not_expire,destination_prefix,timestamp";

	private static final String REMOTE_FIELDS = "$key,site_syncs_outgoing,name,status,remote_key,created,expires";

	private static final long DAY = 86400;

	private final MutableClock clock = new MutableClock(START);

	private final VergeosSandboxSettings settings = new VergeosSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(1), Duration.ofSeconds(3), "snapgate", "sandbox", "sandbox-key", Duration.ofSeconds(5),
			false, Duration.ofSeconds(5));

	private final VergeosSandboxSites sites = new VergeosSandboxSites(this.clock, this.settings);

	private final MockMvc http = MockMvcBuilders
		.routerFunctions(new VergeosSandboxRoutes(this.sites.main(), this.settings).routes()
			.and(new VergeosSandboxRoutes(this.sites.dr(), this.settings, VergeosSandboxSites.DR_BASE_PATH).routes()))
		.build();

	@Test
	void theMainSiteHasAnEnabledOutgoingSyncToTheDrSite() throws Exception {
		call(get(API + "/site_syncs_outgoing").param("fields", "$key,name,enabled,status,state,url")
			.param("filter", "name eq 'to-dr-site'")
			.param("limit", "2")).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].$key").value(1))
			.andExpect(jsonPath("$[0].enabled").value(true))
			.andExpect(jsonPath("$[0].status").value("syncing"))
			.andExpect(jsonPath("$[0].state").value("online"))
			.andExpect(jsonPath("$[0].url").value("http://sandbox.snapgate.invalid/sandbox/vergeos-dr"));
		call(get(API + "/site_syncs_outgoing").param("fields", "name,colour")).andExpect(status().isBadRequest());
		call(get(API + "/site_syncs_outgoing_queue").param("fields", QUEUE_FIELDS)).andExpect(jsonPath("$", empty()));
		call(get(API + "/site_syncs_outgoing_remote_snaps").param("fields", REMOTE_FIELDS))
			.andExpect(jsonPath("$", empty()));
		call(get(API + "/site_syncs_outgoing_profile_periods").param("fields", "$key,profile_period"))
			.andExpect(jsonPath("$", empty()));
	}

	@Test
	void theDrSiteIsASystemOfItsOwnWithNoSnapshotAndNoProfile() throws Exception {
		call(get(DR + "/system").param("fields", "$key,cloud_name"))
			.andExpect(jsonPath("$[0].cloud_name").value("snapgate-sandbox-dr"));
		call(get(DR + "/cloud_snapshots").param("fields", "$key,name")).andExpect(jsonPath("$", empty()));
		call(get(DR + "/snapshot_profiles").param("fields", "$key,name")).andExpect(jsonPath("$", empty()));
		call(get(DR + "/vms").param("fields", "$key,name")).andExpect(jsonPath("$[*].name", contains("dr-jump-01")));
		call(get(DR + "/site_syncs_outgoing").param("fields", "$key,name")).andExpect(jsonPath("$", empty()));
		this.http.perform(get(DR + "/system")).andExpect(status().isUnauthorized());
	}

	@Test
	void aQueuedSnapshotSyncsAfterTheDelayAndArrivesAtTheDrSite() throws Exception {
		long source = START.getEpochSecond() - DAY;
		call(addToQueue(1, "{\"cloud_snapshot\":1,\"retention\":3600}")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.$key").value("1"))
			.andExpect(jsonPath("$.location").value("/v4/site_syncs_outgoing_actions/1"));
		call(get(API + "/site_syncs_outgoing_queue").param("fields", QUEUE_FIELDS)
			.param("filter", "site_syncs_outgoing eq 1 and cloud_snapshot eq 1")
			.param("sort", "-timestamp")).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("queue"))
			.andExpect(jsonPath("$[0].retention").value(3600))
			.andExpect(jsonPath("$[0].priority").value(0))
			.andExpect(jsonPath("$[0].do_not_expire").value(false))
			.andExpect(jsonPath("$[0].timestamp").value(START.getEpochSecond()));

		tick(Duration.ofSeconds(1));
		expectQueued(1, "syncing");
		tick(Duration.ofSeconds(4));
		expectQueued(1, "syncing");
		call(get(DR + "/cloud_snapshots").param("fields", "$key,name")).andExpect(jsonPath("$", empty()));

		tick(Duration.ofSeconds(1));
		long arrived = this.clock.instant().getEpochSecond();
		expectQueued(1, "complete");
		call(get(API + "/site_syncs_outgoing_queue/1").param("fields", QUEUE_FIELDS))
			.andExpect(jsonPath("$.remote_expiration").value(arrived + 3600));
		call(get(DR + "/cloud_snapshots").param("fields", "$key,name,created,expires,snapshot_profile,task"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].$key").value(1))
			.andExpect(jsonPath("$[0].name", containsString("Daily_")))
			.andExpect(jsonPath("$[0].created").value(source))
			.andExpect(jsonPath("$[0].expires").value(arrived + 3600))
			.andExpect(jsonPath("$[0].task").value(nullValue()));
		call(get(DR + "/cloud_snapshot_vms").param("fields", "$key,name,cloud_snapshot")
			.param("filter", "cloud_snapshot eq 1")
			.param("sort", "+name"))
			.andExpect(jsonPath("$[*].name", contains("broken-vm", "db-01", "web-01", "web-02")));
		call(get(API + "/site_syncs_outgoing_remote_snaps").param("fields", REMOTE_FIELDS)
			.param("filter", "site_syncs_outgoing eq 1")
			.param("sort", "-created")).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name", containsString("Daily_")))
			.andExpect(jsonPath("$[0].status").value("complete"))
			.andExpect(jsonPath("$[0].remote_key").value(1))
			.andExpect(jsonPath("$[0].created").value(source))
			.andExpect(jsonPath("$[0].expires").value(arrived + 3600));
		call(get(API + "/site_syncs_outgoing/1").param("fields", "last_run"))
			.andExpect(jsonPath("$.last_run").value(arrived));
	}

	@Test
	void aSnapshotKeptForeverUnderAPrefixAndTheDefaultRetention() throws Exception {
		call(addToQueue(1,
				"{\"cloud_snapshot\":4,\"retention\":60,\"do_not_expire\":true,\"destination_prefix\":\"site-a-\"}"))
			.andExpect(status().isCreated());
		call(addToQueue(1, "{\"cloud_snapshot\":2,\"priority\":5}")).andExpect(status().isCreated());
		call(get(API + "/site_syncs_outgoing_queue").param("fields", QUEUE_FIELDS).param("sort", "+cloud_snapshot"))
			.andExpect(jsonPath("$[*].retention", contains(259200, 60)))
			.andExpect(jsonPath("$[*].priority", contains(5, 0)))
			.andExpect(jsonPath("$[1].destination_prefix").value("site-a-"));

		runUntilIdle();

		call(get(DR + "/cloud_snapshots").param("fields", "$key,name,expires").param("sort", "+$key"))
			.andExpect(jsonPath("$[*].name", contains("site-a-pre-upgrade", "Weekly_immutable")))
			.andExpect(jsonPath("$[0].expires").value(0));
		call(get(API + "/site_syncs_outgoing_remote_snaps").param("fields", REMOTE_FIELDS)
			.param("filter", "name eq 'site-a-pre-upgrade'")).andExpect(jsonPath("$[0].expires").value(0));
	}

	@Test
	void theQueueIsSentOneSnapshotAtATimeOldestFirst() throws Exception {
		call(addToQueue(1, "{\"cloud_snapshot\":1}")).andExpect(status().isCreated());
		call(addToQueue(1, "{\"cloud_snapshot\":4}")).andExpect(status().isCreated());

		tick(Duration.ofSeconds(1));

		call(get(API + "/site_syncs_outgoing_queue").param("fields", "status").param("sort", "+$key"))
			.andExpect(jsonPath("$[*].status", contains("syncing", "queue")));

		tick(Duration.ofSeconds(5));

		call(get(API + "/site_syncs_outgoing_queue").param("fields", "status").param("sort", "+$key"))
			.andExpect(jsonPath("$[*].status", contains("complete", "syncing")));
	}

	@Test
	void aSnapshotNamedFailCopyEndsInError() throws Exception {
		call(post(API + "/cloud_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"nightly-fail-copy\"}")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.$key").value("6"));
		this.clock.advance(Duration.ofSeconds(3));
		call(addToQueue(1, "{\"cloud_snapshot\":6}")).andExpect(status().isCreated());

		tick(Duration.ofSeconds(1));
		expectQueued(6, "syncing");
		runUntilIdle();

		expectQueued(6, "error");
		call(get(DR + "/cloud_snapshots").param("fields", "$key,name")).andExpect(jsonPath("$", empty()));
		call(get(API + "/site_syncs_outgoing_remote_snaps").param("fields", REMOTE_FIELDS))
			.andExpect(jsonPath("$", empty()));
	}

	@Test
	void aSnapshotDeletedAtTheSourceWhileQueuedOrSyncingEndsInErrorAndNothingArrives() throws Exception {
		call(addToQueue(1, "{\"cloud_snapshot\":1}")).andExpect(status().isCreated());
		call(addToQueue(1, "{\"cloud_snapshot\":4}")).andExpect(status().isCreated());
		tick(Duration.ofSeconds(1));
		expectQueued(1, "syncing");
		expectQueued(4, "queue");

		call(delete(API + "/cloud_snapshots/4")).andExpect(status().isOk());
		tick(Duration.ofSeconds(1));
		expectQueued(4, "error");
		expectQueued(1, "syncing");

		call(delete(API + "/cloud_snapshots/1")).andExpect(status().isOk());
		tick(Duration.ofSeconds(1));
		expectQueued(1, "error");

		runUntilIdle();
		call(get(DR + "/cloud_snapshots").param("fields", "$key,name")).andExpect(jsonPath("$", empty()));
	}

	@Test
	void aSnapshotWhoseNameTheDrSiteHoldsAlreadyEndsInError() throws Exception {
		call(addToQueue(1, "{\"cloud_snapshot\":4}")).andExpect(status().isCreated());
		runUntilIdle();
		call(addToQueue(1, "{\"cloud_snapshot\":4}")).andExpect(status().isCreated());
		runUntilIdle();

		call(get(API + "/site_syncs_outgoing_queue").param("fields", "status").param("sort", "+$key"))
			.andExpect(jsonPath("$[*].status", contains("complete", "error")));
		call(get(DR + "/cloud_snapshots").param("fields", "$key,name")).andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void aSnapshotDeletedAtTheDrSiteIsNoLongerAmongTheRemoteSnapshots() throws Exception {
		call(addToQueue(1, "{\"cloud_snapshot\":4}")).andExpect(status().isCreated());
		runUntilIdle();
		call(get(API + "/site_syncs_outgoing_remote_snaps").param("fields", REMOTE_FIELDS))
			.andExpect(jsonPath("$", hasSize(1)));

		call(delete(DR + "/cloud_snapshots/1")).andExpect(status().isOk());
		tick(Duration.ofSeconds(1));

		call(get(API + "/site_syncs_outgoing_remote_snaps").param("fields", REMOTE_FIELDS))
			.andExpect(jsonPath("$", empty()));
	}

	@Test
	void addToQueueRefusesWhatVergeosWouldNot() throws Exception {
		call(addToQueue(9, "{\"cloud_snapshot\":1}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'site_syncs_outgoing' - 'no such outgoing sync'")));
		call(action("{\"action\":\"add_to_queue\",\"params\":{\"cloud_snapshot\":1}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'site_syncs_outgoing' - 'required'")));
		call(addToQueue(1, "{\"cloud_snapshot\":77}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'params.cloud_snapshot' - 'no such cloud snapshot'")));
		call(addToQueue(1, "{\"retention\":60}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("params.cloud_snapshot")));
		call(addToQueue(1, "{\"cloud_snapshot\":1,\"retention\":-1}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'retention'")));
		call(addToQueue(1, "{\"cloud_snapshot\":1,\"colour\":\"red\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'params.colour'")));
		call(action("{\"site_syncs_outgoing\":1,\"action\":\"add_to_queue\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'params' - 'required'")));
		call(action("{\"site_syncs_outgoing\":1,\"action\":\"explode\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'action' - 'fails validation test'")));
		call(action("{\"site_syncs_outgoing\":1,\"action\":\"refresh\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'refresh' is not supported by the sandbox")));
		call(post(API + "/site_syncs_outgoing_actions").contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isBadRequest());

		call(post(API + "/cloud_snapshots").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"fresh\"}"))
			.andExpect(jsonPath("$.$key").value("6"));
		call(addToQueue(1, "{\"cloud_snapshot\":6}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("still being created")));

		call(get(API + "/site_syncs_outgoing_queue").param("fields", QUEUE_FIELDS)).andExpect(jsonPath("$", empty()));
	}

	@Test
	void aDisabledSyncTakesNothingNewAndSendsNothingUntilEnabledAgain() throws Exception {
		call(addToQueue(1, "{\"cloud_snapshot\":4}")).andExpect(status().isCreated());
		call(action("{\"site_syncs_outgoing\":1,\"action\":\"disable\"}")).andExpect(status().isCreated());
		call(get(API + "/site_syncs_outgoing/1").param("fields", "enabled,status,state"))
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.status").value("offline"))
			.andExpect(jsonPath("$.state").value("offline"));
		call(addToQueue(1, "{\"cloud_snapshot\":1}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.err").value("Outgoing sync 'to-dr-site' is disabled"));

		runUntilIdle();
		expectQueued(4, "queue");

		call(action("{\"site_syncs_outgoing\":1,\"action\":\"enable\"}")).andExpect(status().isCreated());
		runUntilIdle();
		expectQueued(4, "complete");
	}

	@Test
	void aProfilePeriodIsLinkedToASyncOnceAndReadBackAndUnlinked() throws Exception {
		call(link("""
				{"site_syncs_outgoing":1,"profile_period":1,"retention":7200,"priority":0,"do_not_expire":false}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.$key").value("1"))
			.andExpect(jsonPath("$.location").value("/v4/site_syncs_outgoing_profile_periods/1"));
		call(get(API + "/site_syncs_outgoing_profile_periods")
			.param("fields", "$key,site_syncs_outgoing,profile_period,retention,do_not_expire")
			.param("filter", "profile_period eq 1 or profile_period eq 9")).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].$key").value(1))
			.andExpect(jsonPath("$[0].site_syncs_outgoing").value(1))
			.andExpect(jsonPath("$[0].profile_period").value(1))
			.andExpect(jsonPath("$[0].retention").value(7200))
			.andExpect(jsonPath("$[0].do_not_expire").value(false))
			.andExpect(jsonPath("$[0].priority").doesNotExist());
		call(get(API + "/site_syncs_outgoing_profile_periods/1").param("fields", "all"))
			.andExpect(jsonPath("$.priority").value(0))
			.andExpect(jsonPath("$.destination_prefix").value(""));

		call(link("{\"site_syncs_outgoing\":1,\"profile_period\":1,\"retention\":60}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("Row exists")));
		call(link("{\"site_syncs_outgoing\":2,\"profile_period\":1,\"retention\":60}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("no such outgoing sync")));
		call(link("{\"site_syncs_outgoing\":1,\"profile_period\":9,\"retention\":60}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("no such snapshot profile period")));
		call(link("{\"site_syncs_outgoing\":1,\"retention\":60}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'profile_period' - 'required'")));
		call(link("{\"site_syncs_outgoing\":1,\"profile_period\":1}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'retention' - 'required'")));
		call(link("{\"site_syncs_outgoing\":1,\"profile_period\":1,\"retention\":60,\"colour\":1}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'colour'")));

		call(delete(API + "/site_syncs_outgoing_profile_periods/1")).andExpect(status().isOk());
		call(delete(API + "/site_syncs_outgoing_profile_periods/1")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.err").value("Row not found"));
		call(get(API + "/site_syncs_outgoing_profile_periods/1").param("fields", "all"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPeriodOrAProfileWithSyncLinksIsNotDeletedUntilTheLinksAre() throws Exception {
		call(post(API + "/snapshot_profiles").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"dr\"}"))
			.andExpect(jsonPath("$.$key").value("2"));
		call(post(API + "/snapshot_profile_periods").contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":2,\"name\":\"daily\",\"frequency\":\"daily\",\"hour\":2,\"retention\":86400}"))
			.andExpect(jsonPath("$.$key").value("2"));
		call(link("{\"site_syncs_outgoing\":1,\"profile_period\":2,\"retention\":604800}"))
			.andExpect(status().isCreated());

		call(delete(API + "/snapshot_profile_periods/2")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("is linked to an outgoing sync")));
		call(post(API + "/snapshot_profile_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"snapshot_profile\":2,\"action\":\"delete\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("'daily' is linked to an outgoing sync")));

		call(delete(API + "/site_syncs_outgoing_profile_periods/1")).andExpect(status().isOk());
		call(delete(API + "/snapshot_profile_periods/2")).andExpect(status().isOk());
	}

	@Test
	void aLinkedPeriodsSnapshotsAreQueuedByThemselvesAndArriveAtTheDrSite() throws Exception {
		call(link("""
				{"site_syncs_outgoing":1,"profile_period":1,"retention":7200,"priority":0,"do_not_expire":false,
				 "destination_prefix":"main-"}""")).andExpect(status().isCreated());

		this.clock.set(Instant.parse("2026-11-22T11:00:00Z"));
		assertThat(this.sites.main().runSchedules(this.clock.instant())).isEqualTo(1);

		call(get(API + "/cloud_snapshots").param("fields", "$key").param("filter", "name eq 'Hourly_20261122_1100'"))
			.andExpect(jsonPath("$[0].$key").value(6));
		call(get(API + "/site_syncs_outgoing_queue").param("fields", QUEUE_FIELDS)).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].cloud_snapshot").value(6))
			.andExpect(jsonPath("$[0].status").value("syncing"))
			.andExpect(jsonPath("$[0].retention").value(7200))
			.andExpect(jsonPath("$[0].destination_prefix").value("main-"));

		tick(Duration.ofSeconds(5));

		long arrived = this.clock.instant().getEpochSecond();
		call(get(DR + "/cloud_snapshots").param("fields", "$key,name,created,expires"))
			.andExpect(jsonPath("$[*].name", contains("main-Hourly_20261122_1100")))
			.andExpect(jsonPath("$[0].created").value(Instant.parse("2026-11-22T11:00:00Z").getEpochSecond()))
			.andExpect(jsonPath("$[0].expires").value(arrived + 7200));
		call(get(API + "/site_syncs_outgoing_remote_snaps").param("fields", REMOTE_FIELDS)
			.param("filter", "site_syncs_outgoing eq 1")
			.param("sort", "-created")
			.param("limit", "1")).andExpect(jsonPath("$[0].name").value("main-Hourly_20261122_1100"));
	}

	private void expectQueued(long snapshot, String status) throws Exception {
		call(get(API + "/site_syncs_outgoing_queue").param("fields", "status")
			.param("filter", "cloud_snapshot eq " + snapshot)
			.param("sort", "-timestamp")
			.param("limit", "1")).andExpect(jsonPath("$[0].status").value(status));
	}

	private void tick(Duration duration) {
		this.clock.advance(duration);
		this.sites.runSchedules(this.clock.instant());
	}

	/** Runs the sites long enough for every queued snapshot to be sent. */
	private void runUntilIdle() {
		for (int i = 0; i < 10; i++) {
			tick(this.settings.syncDelay());
		}
	}

	private MockHttpServletRequestBuilder addToQueue(long sync, String params) {
		return action("{\"site_syncs_outgoing\":" + sync + ",\"action\":\"add_to_queue\",\"params\":" + params + "}");
	}

	private static MockHttpServletRequestBuilder action(String body) {
		return post(API + "/site_syncs_outgoing_actions").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static MockHttpServletRequestBuilder link(String body) {
		return post(API + "/site_syncs_outgoing_profile_periods").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.http.perform(request.header(HttpHeaders.AUTHORIZATION, basic("snapgate", "sandbox")));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
