package io.snapgate.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.testing.FakePolicyProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.snapgate.api.ApiTestConfiguration.PLAIN;
import static io.snapgate.api.ApiTestConfiguration.SYSTEM;
import static io.snapgate.api.ApiTestConfiguration.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write's query may hold only what its handler takes: anything else, a misspelled flag
 * above all, is a 400 naming it, and the write is not made. Reads ignore what they do not
 * know.
 */
@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class UnknownParameterTests {

	private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

	private static final String CREATE = "{\"provider\":\"sys\",\"name\":\"pre-upgrade\"}";

	private static final String RESTORE = "{\"snapshotId\":\"sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"},"
			+ "\"newName\":\"web-01-copy\"}";

	private static final String POLICY = """
			{"provider": "vol", "name": "nightly-db",
			 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "WEEK", "on": ["SUNDAY"], "at": "03:00"}]},
			 "retention": {"keepFor": "P7D", "minKept": null},
			 "targets": [{"type": "VOLUME", "id": "v-Cds00001"}]}""";

	private static final String REPLACE = """
			{"name": "nightly-db",
			 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "WEEK", "on": ["SUNDAY"], "at": "04:00"}]},
			 "retention": {"keepFor": "P7D", "minKept": null}}""";

	@Autowired
	MockMvcTester mvc;

	private FakePolicyProvider policies;

	@BeforeEach
	void seed() {
		SYSTEM.reset();
		VOLUME.reset();
		PLAIN.reset();
		SYSTEM.withSnapshot("12", "daily", T0).withMembers("12", new Member(MemberType.VM, "41", "web-01"));
		this.policies = VOLUME.policyFake();
		this.policies.withPolicy(this.policies.policy("p-1", "disks", T0.minus(Duration.ofDays(9)), null,
				PolicyTarget.volume("v-Cds00001")));
	}

	@Test
	void aMisspelledFlagOnACreateIsRefusedAndNoSnapshotIsMade() {
		MvcTestResult result = this.mvc.post()
			.uri("/snapshots?dryrun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CREATE)
			.exchange();

		assertUnknown(result, "dryrun");
		assertThat(SYSTEM.calls()).isEmpty();
		assertThat(SYSTEM.size()).isEqualTo(1);
	}

	@Test
	void anUnknownFlagOnADeleteIsRefusedAndTheSnapshotStays() {
		MvcTestResult result = this.mvc.delete().uri("/snapshots/sys:12?force=true").exchange();

		assertUnknown(result, "force");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().endsWith("this endpoint takes dryRun");
		assertThat(SYSTEM.calls()).isEmpty();
		assertThat(SYSTEM.size()).isEqualTo(1);
	}

	@Test
	void anUnknownParameterOnARestoreIsRefusedAndNothingIsRestored() {
		MvcTestResult result = this.mvc.post()
			.uri("/restores?foo=1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(RESTORE)
			.exchange();

		assertUnknown(result, "foo");
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@Test
	void unknownParametersOnPolicyWritesAreRefusedAndThePolicyIsLeftAlone() {
		assertUnknown(this.mvc.put()
			.uri("/policies/vol:p-1?x=1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(REPLACE)
			.exchange(), "x");
		assertUnknown(this.mvc.post()
			.uri("/policies?dryrun=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content(POLICY)
			.exchange(), "dryrun");
		assertUnknown(this.mvc.delete().uri("/policies/vol:p-1?cascade=true").exchange(), "cascade");
		assertUnknown(this.mvc.delete().uri("/policies/vol:p-1/targets/v-Cds00001?all=1").exchange(), "all");

		assertThat(this.policies.calls()).isEmpty();
		assertThat(this.policies.stored("p-1")).isPresent();
		assertThat(VOLUME.calls()).isEmpty();
	}

	@Test
	void everyUnknownParameterIsNamedAndTheDeclaredOnesAreNot() {
		MvcTestResult result = this.mvc.post()
			.uri("/snapshots?wait=true&dryrun=true&retention=P7D")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CREATE)
			.exchange();

		assertProblem(result);
		assertThat(result).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.errors[*].field").isEqualTo(List.of("dryrun", "retention"));
			json.assertThat()
				.extractingPath("$.errors[*].message")
				.isEqualTo(List.of("unknown parameter", "unknown parameter"));
			json.assertThat()
				.extractingPath("$.detail")
				.asString()
				.startsWith("Unknown parameters 'dryrun', 'retention'");
		});
		assertThat(SYSTEM.calls()).isEmpty();
	}

	@Test
	void theDeclaredParametersOfAWriteStillWork() {
		// on a provider whose snapshot ids no other test class counts on
		PLAIN.createsAs(SnapshotStatus.AVAILABLE);

		assertThat(this.mvc.post()
			.uri("/snapshots?wait=true&timeout=PT5S")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CREATE.replace("\"sys\"", "\"plain\""))).hasStatus(HttpStatus.CREATED);
		assertThat(PLAIN.callsTo("create")).isOne();
	}

	@Test
	void theSameWritesWithoutTheUnknownParametersAreMade() {
		assertThat(this.mvc.post().uri("/restores").contentType(MediaType.APPLICATION_JSON).content(RESTORE))
			.hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.mvc.delete().uri("/snapshots/sys:12")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.put().uri("/policies/vol:p-1").contentType(MediaType.APPLICATION_JSON).content(REPLACE))
			.hasStatusOk();
		assertThat(this.mvc.post().uri("/policies").contentType(MediaType.APPLICATION_JSON).content(POLICY))
			.hasStatus(HttpStatus.CREATED);

		assertThat(SYSTEM.calls()).contains("restore", "delete");
		assertThat(this.policies.calls()).contains("replace", "create");
	}

	@Test
	void readsStillIgnoreParametersTheyDoNotKnow() {
		assertThat(this.mvc.get().uri("/snapshots?unknown=1")).hasStatusOk();
		assertThat(this.mvc.get().uri("/snapshots/sys:12?unknown=1")).hasStatusOk();
		assertThat(this.mvc.get().uri("/policies?dryRun=true")).hasStatusOk();
		assertThat(this.mvc.get().uri("/providers?x=1")).hasStatusOk();
	}

	private static void assertUnknown(MvcTestResult result, String parameter) {
		assertProblem(result);
		assertThat(result).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.errors[0].field").isEqualTo(parameter);
			json.assertThat().extractingPath("$.errors[0].message").isEqualTo("unknown parameter");
			json.assertThat().extractingPath("$.detail").asString().contains("'" + parameter + "'");
		});
	}

	private static void assertProblem(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("UNKNOWN_PARAMETER");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:snapgate:problem:unknown-parameter");
	}

}
