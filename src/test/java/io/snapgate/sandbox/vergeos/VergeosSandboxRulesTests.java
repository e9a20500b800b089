package io.snapgate.sandbox.vergeos;

import io.snapgate.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emulator's rules, over HTTP: what VergeOS answers, refuses, and how its rows change
 * with time.
 */
class VergeosSandboxRulesTests {

	private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	private static final String API = "/sandbox/vergeos/api/v4";

	private static final String SNAPSHOT_FIELDS = "$key,name,description,created,expires,immutable,immutable_status,status,task";

	private final MutableClock clock = new MutableClock(START);

	private final VergeosSandboxSettings settings = new VergeosSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(1), Duration.ofSeconds(3), "snapgate", "sandbox", "sandbox-key", Duration.ofSeconds(5),
			true, Duration.ofSeconds(5));

	private final MockMvc http = MockMvcBuilders
		.routerFunctions(
				new VergeosSandboxRoutes(new VergeosSandboxState(this.clock, this.settings), this.settings).routes())
		.build();

	@Test
	void theSeedHasFiveSnapshotsOneTakenByTheSystemsScheduleOneExpiredAndOneLocked() throws Exception {
		long now = START.getEpochSecond();
		call(get(API + "/cloud_snapshots").param("fields", SNAPSHOT_FIELDS)
			.param("filter", "(expires eq 0 or expires gt " + now + ")")
			.param("sort", "-created")).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(4)))
			.andExpect(jsonPath("$[*].name",
					contains(containsString("Hourly_"), containsString("Daily_"), containsString("Weekly_immutable"),
							containsString("pre-upgrade"))))
			.andExpect(jsonPath("$[2].immutable_status").value("locked"))
			.andExpect(jsonPath("$[3].expires").value(0));
		call(get(API + "/cloud_snapshots").param("fields", "$key,name,snapshot_profile")
			.param("filter", "snapshot_profile ne null and snapshot_profile ne 0")
			.param("sort", "-created")
			.param("limit", "1")).andExpect(jsonPath("$[0].name").value("Hourly_20261122_1000"))
			.andExpect(jsonPath("$[0].snapshot_profile").value(1));
		call(get(API + "/cloud_snapshot_vms").param("fields", "$key,name,status,cloud_snapshot")
			.param("filter", "cloud_snapshot eq 1")
			.param("sort", "+name"))
			.andExpect(jsonPath("$[*].name", contains("broken-vm", "db-01", "web-01", "web-02")))
			.andExpect(jsonPath("$[0].status").value("idle"));
	}

	@Test
	void fieldsLimitAndOffsetShapeTheAnswer() throws Exception {
		call(get(API + "/cloud_snapshots")).andExpect(jsonPath("$[0].*", hasSize(2)))
			.andExpect(jsonPath("$[0].$key").value(1));
		call(get(API + "/cloud_snapshots").param("fields", "name")
			.param("sort", "-created")
			.param("limit", "2")
			.param("offset", "2")).andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].$key").value(2))
			.andExpect(jsonPath("$[0].name").value("Weekly_immutable"))
			.andExpect(jsonPath("$[0].created").doesNotExist());
		call(get(API + "/cloud_snapshots").param("fields", "name,colour")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.err").value("Invalid field: colour"));
		call(get(API + "/cloud_snapshots").param("fields", "name").param("filter", "name bw 'D'"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.err", containsString("Invalid filter")));
		call(get(API + "/cloud_snapshots/77").param("fields", "name")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.err").value("Row not found"));
	}

	@Test
	void basicCredentialsOrTheApiKeyAreRequired() throws Exception {
		this.http.perform(get(API + "/system").param("fields", "$key,yb_version"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.err").value("Login failed"));
		this.http.perform(get(API + "/system").header(HttpHeaders.AUTHORIZATION, basic("snapgate", "wrong")))
			.andExpect(status().isUnauthorized());
		this.http
			.perform(get(API + "/system").param("fields", "$key,yb_version")
				.header(HttpHeaders.AUTHORIZATION, "Bearer sandbox-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].yb_version").value("4.12.6"));
	}

	@Test
	void aNewSnapshotRunsItsTaskThenIsNormalAndHasMembers() throws Exception {
		long now = START.getEpochSecond();
		call(post(API + "/cloud_snapshots").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"nightly","description":"d","min_snapshots":1,"expires":%d,"expires_type":"date",
				 "immutable":false,"private":false}""".formatted(now + 3600))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.$key").value("6"))
			.andExpect(jsonPath("$.location").value("/v4/cloud_snapshots/6"))
			.andExpect(jsonPath("$.dbpath").value("cloud_snapshots/6"));
		call(get(API + "/cloud_snapshots/6").param("fields", SNAPSHOT_FIELDS)).andExpect(jsonPath("$.task").value(1))
			.andExpect(jsonPath("$.expires").value(now + 3600))
			.andExpect(jsonPath("$.status").value("normal"));
		call(get(API + "/tasks/1").param("fields", "$key,status")).andExpect(jsonPath("$.status").value("running"));
		call(get(API + "/cloud_snapshot_tenants").param("fields", "$key,name").param("filter", "cloud_snapshot eq 6"))
			.andExpect(jsonPath("$[*].name", contains("acme", "globex")));

		this.clock.advance(Duration.ofSeconds(3));

		call(get(API + "/cloud_snapshots/6").param("fields", SNAPSHOT_FIELDS))
			.andExpect(jsonPath("$.task").value(nullValue()));
		call(get(API + "/tasks/1").param("fields", "$key,status")).andExpect(jsonPath("$.status").value("idle"));
	}

	@Test
	void aDuplicateNameIsAConflictAndRetentionIsIgnoredOnAPlainPost() throws Exception {
		call(post(API + "/cloud_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"pre-upgrade\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("pre-upgrade")));
		call(post(API + "/cloud_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"r\",\"retention\":60}")).andExpect(status().isCreated());
		call(get(API + "/cloud_snapshots/6").param("fields", "expires,private"))
			.andExpect(jsonPath("$.expires").value(START.getEpochSecond() + 3 * 86400))
			.andExpect(jsonPath("$.private").value(true));
		call(post(API + "/cloud_snapshots").contentType(MediaType.APPLICATION_JSON).content("{\"description\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'name'")));
		call(post(API + "/cloud_snapshots").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.err").value("The body is not valid JSON"));
	}

	@Test
	void aLockedSnapshotCannotBeDeletedOthersCan() throws Exception {
		call(delete(API + "/cloud_snapshots/2")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("immutable")));
		call(delete(API + "/cloud_snapshots/1")).andExpect(status().isOk());
		call(get(API + "/cloud_snapshots/1").param("fields", "name")).andExpect(status().isNotFound());
		call(get(API + "/cloud_snapshot_vms").param("fields", "$key").param("filter", "cloud_snapshot eq 1"))
			.andExpect(jsonPath("$", hasSize(0)));
		call(delete(API + "/cloud_snapshots/1")).andExpect(status().isNotFound());
	}

	@Test
	void aSnapshotTakesANewDescriptionAndExpiryButKeepsItsName() throws Exception {
		long later = START.getEpochSecond() + 10 * 86400;
		put(1, "{\"description\":\"kept for the audit\",\"expires\":" + later + ",\"expires_type\":\"date\"}")
			.andExpect(status().isOk());
		call(get(API + "/cloud_snapshots/1").param("fields", "name,description,expires"))
			.andExpect(jsonPath("$.description").value("kept for the audit"))
			.andExpect(jsonPath("$.expires").value(later))
			.andExpect(jsonPath("$.name", containsString("Daily_")));

		put(1, "{\"expires\":0,\"expires_type\":\"never\"}").andExpect(status().isOk());
		call(get(API + "/cloud_snapshots/1").param("fields", "expires")).andExpect(jsonPath("$.expires").value(0));

		put(1, "{\"name\":\"renamed\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'name'")));
		put(1, "{\"immutable_status\":\"unlocked\"}").andExpect(status().isUnprocessableContent());
		put(1, "{\"expires_type\":\"never\",\"expires\":" + later + "}").andExpect(status().isUnprocessableContent());
		put(1, "{\"expires_type\":\"date\"}").andExpect(status().isUnprocessableContent());
		put(1, "{\"expires_type\":\"time\",\"expires\":" + later + "}").andExpect(status().isUnprocessableContent());
		put(77, "{\"description\":\"x\"}").andExpect(status().isNotFound());
	}

	@Test
	void aLockedSnapshotsExpiryMayGoLaterButNeverEarlier() throws Exception {
		long expires = START.getEpochSecond() + 27 * 86400;

		put(2, "{\"expires\":" + (expires - 1) + ",\"expires_type\":\"date\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("immutable and locked")));
		put(2, "{\"expires\":" + (expires + 86400) + ",\"expires_type\":\"date\"}").andExpect(status().isOk());
		put(2, "{\"expires\":0,\"expires_type\":\"never\"}").andExpect(status().isOk());
		put(2, "{\"expires\":" + (expires + 2 * 86400) + ",\"expires_type\":\"date\"}")
			.andExpect(status().isUnprocessableContent());
		put(2, "{\"description\":\"still locked\"}").andExpect(status().isOk());
		call(get(API + "/cloud_snapshots/2").param("fields", "description,expires,immutable_status"))
			.andExpect(jsonPath("$.description").value("still locked"))
			.andExpect(jsonPath("$.expires").value(0))
			.andExpect(jsonPath("$.immutable_status").value("locked"));
	}

	@Test
	void anUnlockRunsSevenDaysOrToTheExpiryAndHoldsTheExpiryMeanwhile() throws Exception {
		long expires = START.getEpochSecond() + 27 * 86400;
		long unlocked = START.getEpochSecond() + 7 * 86400;

		put(2, "{\"immutable\":false}").andExpect(status().isOk());
		call(get(API + "/cloud_snapshots/2").param("fields", "immutable,immutable_status,immutable_lock_expires"))
			.andExpect(jsonPath("$.immutable").value(false))
			.andExpect(jsonPath("$.immutable_status").value("unlocking"))
			.andExpect(jsonPath("$.immutable_lock_expires").value(unlocked));
		put(2, "{\"expires\":" + (expires - 86400) + ",\"expires_type\":\"date\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("unlocking")));
		call(delete(API + "/cloud_snapshots/2")).andExpect(status().isUnprocessableContent());

		this.clock.advance(Duration.ofDays(7));

		put(2, "{\"expires\":" + (unlocked + 60) + ",\"expires_type\":\"date\"}").andExpect(status().isOk());
		call(get(API + "/cloud_snapshots/2").param("fields", "immutable_status"))
			.andExpect(jsonPath("$.immutable_status").value("unlocked"));
	}

	@Test
	void aRecoveredVmMovesFromIdleThroughImportingToComplete() throws Exception {
		long webOne = 100;
		call(get(API + "/cloud_snapshot_vms/" + webOne).param("fields", "name,status"))
			.andExpect(jsonPath("$.name").value("web-01"));
		call(post(API + "/cloud_snapshot_vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"recover\",\"params\":{\"rows\":[" + webOne + "],\"name\":\"web-01-copy\"}}"))
			.andExpect(status().isCreated());
		call(get(API + "/vms").param("fields", "name").param("filter", "name eq 'web-01-copy'"))
			.andExpect(jsonPath("$", hasSize(1)));

		expectMember(webOne, "idle");
		this.clock.advance(Duration.ofSeconds(1));
		expectMember(webOne, "importing");
		this.clock.advance(Duration.ofSeconds(3));
		expectMember(webOne, "complete").andExpect(jsonPath("$.status_info").value("Restored to: web-01-copy"));
	}

	@Test
	void aTenantWithoutANameIsRecoveredUnderACopyNameAndTheBrokenVmFails() throws Exception {
		call(post(API + "/cloud_snapshot_tenant_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"recover\",\"params\":{\"rows\":[1000]}}")).andExpect(status().isCreated());
		call(post(API + "/cloud_snapshot_vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"recover\",\"params\":{\"rows\":[103]}}")).andExpect(status().isCreated());
		this.clock.advance(Duration.ofSeconds(4));

		call(get(API + "/cloud_snapshot_tenants/1000").param("fields", "status,status_info"))
			.andExpect(jsonPath("$.status").value("complete"))
			.andExpect(jsonPath("$.status_info").value("Restored to: acme (1)"));
		expectMember(103, "error");
	}

	@Test
	void aBadRecoverIsRefused() throws Exception {
		call(post(API + "/cloud_snapshot_vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"explode\",\"params\":{\"rows\":[100]}}"))
			.andExpect(status().isUnprocessableContent());
		call(post(API + "/cloud_snapshot_vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"recover\",\"params\":{\"rows\":[999999]}}")).andExpect(status().isNotFound());
		call(post(API + "/cloud_snapshot_vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"recover\",\"params\":{}}")).andExpect(status().isUnprocessableContent());
	}

	private ResultActions expectMember(long key, String status) throws Exception {
		return call(get(API + "/cloud_snapshot_vms/" + key).param("fields", "$key,status,status_info"))
			.andExpect(jsonPath("$.status").value(status));
	}

	private ResultActions put(long key, String body) throws Exception {
		return call(MockMvcRequestBuilders.put(API + "/cloud_snapshots/" + key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.http.perform(request.header(HttpHeaders.AUTHORIZATION, basic("snapgate", "sandbox")));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
