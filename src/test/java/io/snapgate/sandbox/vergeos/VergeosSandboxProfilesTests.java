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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emulator's snapshot profiles and periods, over HTTP: what VergeOS stores, refuses
 * and deletes.
 */
class VergeosSandboxProfilesTests {

	private static final String API = "/sandbox/vergeos/api/v4";

	private static final String PERIOD_FIELDS = "$key,profile,name,frequency,minute,hour,day_of_week,day_of_month,"
			+ "month,retention,min_snapshots,immutable";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final VergeosSandboxSettings settings = new VergeosSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(1), Duration.ofSeconds(3), "snapgate", "sandbox", "sandbox-key", Duration.ofSeconds(5),
			true, Duration.ofSeconds(5));

	private final MockMvc http = MockMvcBuilders
		.routerFunctions(
				new VergeosSandboxRoutes(new VergeosSandboxState(this.clock, this.settings), this.settings).routes())
		.build();

	@Test
	void theSeedHasTheSystemsProfileWithAnHourlyPeriod() throws Exception {
		call(get(API + "/snapshot_profiles").param("fields", "$key,name,description").param("sort", "+name"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].$key").value(1))
			.andExpect(jsonPath("$[0].name").value("System Snapshots"));
		call(get(API + "/snapshot_profile_periods").param("fields", PERIOD_FIELDS).param("filter", "profile eq 1"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("Hourly"))
			.andExpect(jsonPath("$[0].frequency").value("hourly"))
			.andExpect(jsonPath("$[0].minute").value(0))
			.andExpect(jsonPath("$[0].retention").value(900))
			.andExpect(jsonPath("$[0].min_snapshots").value(1));
		call(get(API + "/cloud_snapshots/1").param("fields", "snapshot_profile,snapshot_period"))
			.andExpect(jsonPath("$.snapshot_profile").value(nullValue()))
			.andExpect(jsonPath("$.snapshot_period").value(nullValue()));
	}

	@Test
	void profileNamesAreRequiredAndUnique() throws Exception {
		call(post(API + "/snapshot_profiles").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"nightly\",\"description\":\"x [snapgate:abc]\"}")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.$key").value("2"))
			.andExpect(jsonPath("$.location").value("/v4/snapshot_profiles/2"));
		call(post(API + "/snapshot_profiles").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"nightly\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("Row exists")));
		call(post(API + "/snapshot_profiles").contentType(MediaType.APPLICATION_JSON)
			.content("{\"description\":\"x\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'name'")));
		call(get(API + "/snapshot_profiles").param("fields", "$key,name")
			.param("filter", "description ct '[SNAPGATE:ABC]'")).andExpect(jsonPath("$[*].name", contains("nightly")));
	}

	@Test
	void aProfileIsRenamedUnlessTheNameIsTaken() throws Exception {
		createProfile("nightly");
		call(put(API + "/snapshot_profiles/2").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"nightly-db\"}")).andExpect(status().isOk());
		call(get(API + "/snapshot_profiles/2").param("fields", "name,description"))
			.andExpect(jsonPath("$.name").value("nightly-db"))
			.andExpect(jsonPath("$.description").value(""));
		call(put(API + "/snapshot_profiles/2").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"System Snapshots\"}")).andExpect(status().isConflict());
		call(put(API + "/snapshot_profiles/9").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPeriodNeedsItsProfileANameAFrequencyAndARetention() throws Exception {
		createProfile("nightly");
		period("{\"profile\":2,\"name\":\"daily-0200\",\"frequency\":\"daily\",\"minute\":0,\"hour\":2,"
				+ "\"day_of_week\":\"any\",\"day_of_month\":0,\"month\":0,\"retention\":604800,\"min_snapshots\":1,"
				+ "\"immutable\":false}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.$key").value("2"));
		period("{\"name\":\"x\",\"frequency\":\"daily\",\"retention\":60}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'profile'")));
		period("{\"profile\":9,\"name\":\"x\",\"frequency\":\"daily\",\"retention\":60}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'profile'")));
		period("{\"profile\":2,\"frequency\":\"daily\",\"retention\":60}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'name'")));
		period("{\"profile\":2,\"name\":\"x\",\"retention\":60}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'frequency'")));
		period("{\"profile\":2,\"name\":\"x\",\"frequency\":\"fortnightly\",\"retention\":60}")
			.andExpect(status().isUnprocessableContent());
		period("{\"profile\":2,\"name\":\"x\",\"frequency\":\"daily\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'retention'")));
		period("{\"profile\":2,\"name\":\"x\",\"frequency\":\"hourly\",\"minute\":60,\"retention\":60}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'minute'")));
		period("{\"profile\":2,\"name\":\"x\",\"frequency\":\"weekly\",\"day_of_week\":\"caturday\",\"retention\":60}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.err", containsString("'day_of_week'")));
	}

	@Test
	void periodNamesAreUniqueWithinTheirProfileOnly() throws Exception {
		createProfile("nightly");
		period("{\"profile\":2,\"name\":\"Hourly\",\"frequency\":\"hourly\",\"retention\":60}")
			.andExpect(status().isCreated());
		period("{\"profile\":2,\"name\":\"Hourly\",\"frequency\":\"daily\",\"retention\":60}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("Row exists")));
		call(get(API + "/snapshot_profile_periods").param("fields", PERIOD_FIELDS)
			.param("filter", "profile eq 2")
			.param("sort", "+name")).andExpect(jsonPath("$[*].name", contains("Hourly")))
			.andExpect(jsonPath("$[0].day_of_week").value("any"))
			.andExpect(jsonPath("$[0].immutable").value(false));
	}

	@Test
	void aPeriodChangesWhatTheBodyNamesAndIsDeletedOnce() throws Exception {
		createProfile("nightly");
		period("{\"profile\":2,\"name\":\"daily-0200\",\"frequency\":\"daily\",\"hour\":2,\"retention\":60}")
			.andExpect(status().isCreated());
		call(put(API + "/snapshot_profile_periods/2").contentType(MediaType.APPLICATION_JSON)
			.content("{\"retention\":1209600,\"immutable\":true}")).andExpect(status().isOk());
		call(get(API + "/snapshot_profile_periods/2").param("fields", PERIOD_FIELDS))
			.andExpect(jsonPath("$.retention").value(1209600))
			.andExpect(jsonPath("$.immutable").value(true))
			.andExpect(jsonPath("$.hour").value(2));
		call(put(API + "/snapshot_profile_periods/2").contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":1}")).andExpect(status().isUnprocessableContent());
		call(delete(API + "/snapshot_profile_periods/2")).andExpect(status().isOk());
		call(delete(API + "/snapshot_profile_periods/2")).andExpect(status().isNotFound());
	}

	@Test
	void aProfileIsDeletedByActionWithItsPeriodsUnlessTheSystemUsesIt() throws Exception {
		createProfile("nightly");
		period("{\"profile\":2,\"name\":\"daily-0200\",\"frequency\":\"daily\",\"hour\":2,\"retention\":60}")
			.andExpect(status().isCreated());

		action("{\"snapshot_profile\":1,\"action\":\"delete\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.err", containsString("in use")));
		action("{\"snapshot_profile\":2,\"action\":\"explode\"}").andExpect(status().isUnprocessableContent());
		action("{\"snapshot_profile\":9,\"action\":\"delete\"}").andExpect(status().isNotFound());
		action("{\"snapshot_profile\":2,\"action\":\"delete\"}").andExpect(status().isOk());

		call(get(API + "/snapshot_profiles/2").param("fields", "name")).andExpect(status().isNotFound());
		call(get(API + "/snapshot_profile_periods").param("fields", "$key").param("filter", "profile eq 2"))
			.andExpect(jsonPath("$", hasSize(0)));
		call(get(API + "/snapshot_profiles/1").param("fields", "name")).andExpect(status().isOk());
	}

	private void createProfile(String name) throws Exception {
		call(post(API + "/snapshot_profiles").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\"}")).andExpect(status().isCreated());
	}

	private ResultActions period(String body) throws Exception {
		return call(post(API + "/snapshot_profile_periods").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions action(String body) throws Exception {
		return call(post(API + "/snapshot_profile_actions").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.http.perform(request.header(HttpHeaders.AUTHORIZATION,
				"Basic " + Base64.getEncoder().encodeToString("snapgate:sandbox".getBytes(StandardCharsets.UTF_8))));
	}

}
