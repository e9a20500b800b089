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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emulator's VMs over HTTP: their machines and power states, VM snapshots each with a
 * VM of its own, clones and reverts through {@code vm_actions}, and a VM's snapshot
 * profile, which then takes that VM's snapshots.
 */
class VergeosSandboxMachinesTests {

	private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	private static final String API = "/sandbox/vergeos/api/v4";

	private static final String VM_FIELDS = "$key,name,machine,is_snapshot,machine#snapshot_profile as snapshot_profile,"
			+ "machine#status#running as running,machine#status#status as status";

	private static final String SNAPSHOT_FIELDS = "$key,name,description,created,expires,quiesced,created_manually,"
			+ "machine,snap_machine,snapshot_period";

	/**
	 * The machine of {@code db-01}, the third seeded VM: stopped, with the guest agent.
	 */
	private static final long DB_MACHINE = VergeosSandboxSeed.MACHINE_KEYS_AFTER + 3;

	private static final long WEB_MACHINE = VergeosSandboxSeed.MACHINE_KEYS_AFTER + 1;

	private final MutableClock clock = new MutableClock(START);

	private final VergeosSandboxSettings settings = new VergeosSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(1), Duration.ofSeconds(3), "snapgate", "sandbox", "sandbox-key", Duration.ofSeconds(5),
			false, Duration.ofSeconds(5));

	private final VergeosSandboxState state = new VergeosSandboxState(this.clock, this.settings);

	private final MockMvc http = MockMvcBuilders
		.routerFunctions(new VergeosSandboxRoutes(this.state, this.settings).routes())
		.build();

	@Test
	void theSeededVmsHaveMachinesOfTheirOwnOneStoppedAndJoinsAnsweredUnderTheirAlias() throws Exception {
		call(get(API + "/vms").param("fields", VM_FIELDS)
			.param("filter", "is_snapshot eq false")
			.param("sort", "+name")).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", contains("broken-vm", "db-01", "web-01", "web-02")))
			.andExpect(jsonPath("$[1].$key").value(3))
			.andExpect(jsonPath("$[1].machine").value(DB_MACHINE))
			.andExpect(jsonPath("$[1].running").value(false))
			.andExpect(jsonPath("$[1].status").value("stopped"))
			.andExpect(jsonPath("$[2].running").value(true))
			.andExpect(jsonPath("$[1].snapshot_profile").doesNotExist());
		call(get(API + "/machine_drives").param("fields", "$key,machine,name,disksize")
			.param("filter", "machine eq " + DB_MACHINE)).andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[1].disksize").value(100L * 1024 * 1024 * 1024));
		call(get(API + "/vms").param("fields", "machine#status#running")).andExpect(status().isBadRequest());
		call(get(API + "/vms").param("fields", "$key").param("filter", "machine#status#running eq true"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aVmSnapshotIsTakenOfTheMachineAndHasASnapshotVmOfItsOwn() throws Exception {
		long expires = START.getEpochSecond() + 86400;
		call(post(API + "/machine_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"machine\":" + DB_MACHINE + ",\"name\":\"pre-patch\",\"description\":\"before\",\"expires\":"
					+ expires + ",\"quiesce\":true,\"created_manually\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.$key").value("1"));

		call(get(API + "/machine_snapshots").param("fields", SNAPSHOT_FIELDS)
			.param("filter", "machine eq " + DB_MACHINE)
			.param("sort", "-created")).andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].name").value("pre-patch"))
			.andExpect(jsonPath("$[1].name").value("db-01-nightly"))
			.andExpect(jsonPath("$[0].expires").value(expires))
			.andExpect(jsonPath("$[0].quiesced").value(false))
			.andExpect(jsonPath("$[0].created_manually").value(true))
			.andExpect(jsonPath("$[0].snapshot_period").doesNotExist())
			.andExpect(jsonPath("$[0].snap_machine").value(VergeosSandboxSeed.MACHINE_KEYS_AFTER + 5));
		call(get(API + "/vms").param("fields", VM_FIELDS)
			.param("filter", "machine eq " + (VergeosSandboxSeed.MACHINE_KEYS_AFTER + 5) + " and is_snapshot eq true"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("pre-patch"));
		call(get(API + "/vms").param("fields", "$key,name")
			.param("filter", "name eq 'pre-patch' and is_snapshot eq false")).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void aSnapshotOfAVmKeyRatherThanItsMachineIsRefused() throws Exception {
		call(post(API + "/machine_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"machine\":3,\"name\":\"wrong\",\"created_manually\":true}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'machine'")));
	}

	@Test
	void aQuiesceIsMadeOnlyWhereTheGuestAgentRunsAndNamesNeedNotBeUnique() throws Exception {
		for (int i = 0; i < 2; i++) {
			call(post(API + "/machine_snapshots").contentType(MediaType.APPLICATION_JSON)
				.content("{\"machine\":" + WEB_MACHINE
						+ ",\"name\":\"same\",\"quiesce\":true,\"created_manually\":true}"))
				.andExpect(status().isCreated());
		}
		call(get(API + "/machine_snapshots").param("fields", SNAPSHOT_FIELDS)
			.param("filter", "machine eq " + WEB_MACHINE)).andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].quiesced").value(true))
			.andExpect(jsonPath("$[0].expires").value(0));
	}

	@Test
	void deletingAVmSnapshotDeletesItsVmAndASecondDeleteIsNotFound() throws Exception {
		snapshotOfDb("gone");

		call(delete(API + "/machine_snapshots/1")).andExpect(status().isOk());

		call(delete(API + "/machine_snapshots/1")).andExpect(status().isNotFound());
		call(get(API + "/vms").param("fields", "$key").param("filter", "is_snapshot eq true"))
			.andExpect(jsonPath("$", hasSize(2)));
	}

	@Test
	void aCloneOfASnapshotsVmIsANewVm() throws Exception {
		snapshotOfDb("pre-patch");

		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":5,\"action\":\"clone\",\"params\":{\"name\":\"db-01-copy\"}}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.response.vmkey").value("6"));

		call(get(API + "/vms/6").param("fields", VM_FIELDS)).andExpect(jsonPath("$.name").value("db-01-copy"))
			.andExpect(jsonPath("$.is_snapshot").value(false))
			.andExpect(jsonPath("$.status").value("stopped"));
	}

	@Test
	void aRevertIsRefusedWhileTheVmRunsAndMadeOnceItIsPoweredOff() throws Exception {
		call(post(API + "/machine_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"machine\":" + WEB_MACHINE + ",\"name\":\"web\",\"created_manually\":true}"));

		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":5,\"action\":\"restore\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("running")));
		assertThat(this.state.revertsOf("web-01")).isEmpty();

		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":1,\"action\":\"poweroff\"}")).andExpect(status().isOk());
		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":5,\"action\":\"restore\"}")).andExpect(status().isOk());

		assertThat(this.state.revertsOf("web-01")).containsExactly(1L);
		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":1,\"action\":\"restore\"}")).andExpect(status().isUnprocessableContent());
	}

	@Test
	void aRevertOnTheVmNamesTheSnapshotAndIsRefusedWhileItRunsOrForAnotherVmsSnapshot() throws Exception {
		call(post(API + "/machine_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"machine\":" + WEB_MACHINE + ",\"name\":\"web\",\"created_manually\":true}"));

		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":1,\"action\":\"restore\",\"params\":{\"snapshot\":1}}")).andExpect(status().isConflict());
		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":3,\"action\":\"restore\",\"params\":{\"snapshot\":1}}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.state.revertsOf("web-01")).isEmpty();

		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":1,\"action\":\"poweroff\"}")).andExpect(status().isOk());
		call(post(API + "/vm_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"vm\":1,\"action\":\"restore\",\"params\":{\"snapshot\":1}}")).andExpect(status().isOk());

		assertThat(this.state.revertsOf("web-01")).containsExactly(1L);
	}

	@Test
	void theStoppedDbHasTwoSeededVmSnapshotsWithVmsOfTheirOwn() throws Exception {
		call(get(API + "/machine_snapshots").param("fields", SNAPSHOT_FIELDS)
			.param("filter", "machine eq " + DB_MACHINE)
			.param("sort", "-created")).andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].name").value("db-01-nightly"))
			.andExpect(jsonPath("$[1].name").value("db-01-before-upgrade"))
			.andExpect(jsonPath("$[1].expires").value(0));
		call(get(API + "/vms").param("fields", "$key").param("filter", "is_snapshot eq true"))
			.andExpect(jsonPath("$", hasSize(2)));
	}

	@Test
	void aVmIsGivenAProfileWhichThenTakesItsSnapshotsAndCannotBeDeletedWhileInUse() throws Exception {
		call(post(API + "/snapshot_profiles").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"vm-daily\"}"));
		call(post(API + "/snapshot_profile_periods").contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":2,\"name\":\"hourly-at-15\",\"frequency\":\"hourly\",\"minute\":15,"
					+ "\"retention\":3600,\"min_snapshots\":1}"));

		call(put(API + "/vms/3").contentType(MediaType.APPLICATION_JSON).content("{\"snapshot_profile\":9}"))
			.andExpect(status().isUnprocessableContent());
		call(put(API + "/vms/3").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"renamed\"}"))
			.andExpect(status().isUnprocessableContent());
		call(put(API + "/vms/3").contentType(MediaType.APPLICATION_JSON).content("{\"snapshot_profile\":2}"))
			.andExpect(status().isOk());
		call(get(API + "/vms/3").param("fields", VM_FIELDS)).andExpect(jsonPath("$.snapshot_profile").value(2));
		call(get(API + "/vms").param("fields", "$key").param("filter", "snapshot_profile eq 2"))
			.andExpect(status().isBadRequest());

		assertThat(this.state.runSchedules(START.plus(Duration.ofMinutes(16)))).isEqualTo(1);
		call(get(API + "/machine_snapshots").param("fields", SNAPSHOT_FIELDS)
			.param("filter", "created_manually eq false")).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].snapshot_period").value(2))
			.andExpect(jsonPath("$[0].machine").value(DB_MACHINE))
			.andExpect(jsonPath("$[0].created_manually").value(false))
			.andExpect(jsonPath("$[0].name").value("hourly-at-15_20261122_1015"));
		call(post(API + "/snapshot_profile_actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"snapshot_profile\":2,\"action\":\"delete\"}")).andExpect(status().isConflict());

		call(put(API + "/vms/3").contentType(MediaType.APPLICATION_JSON).content("{\"snapshot_profile\":null}"))
			.andExpect(status().isOk());
		this.state.runSchedules(START.plus(Duration.ofMinutes(76)));
		call(get(API + "/machine_snapshots").param("fields", "$key").param("filter", "created_manually eq false"))
			.andExpect(jsonPath("$", hasSize(1)));
	}

	private void snapshotOfDb(String name) throws Exception {
		call(post(API + "/machine_snapshots").contentType(MediaType.APPLICATION_JSON)
			.content("{\"machine\":" + DB_MACHINE + ",\"name\":\"" + name + "\",\"created_manually\":true}"))
			.andExpect(status().isCreated());
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString("snapgate:sandbox".getBytes(StandardCharsets.UTF_8));
		return this.http.perform(request.header(HttpHeaders.AUTHORIZATION, basic));
	}

}
