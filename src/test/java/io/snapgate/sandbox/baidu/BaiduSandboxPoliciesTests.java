package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.Asp;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspPage;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspRequest;
import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulator keeps BCC's rules for automatic snapshot policies: the documented fields
 * and codes, client-token idempotency, disks attached only while in use, one policy per
 * disk.
 */
class BaiduSandboxPoliciesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final BaiduSandboxState state = new BaiduSandboxState(new BaiduSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(3), 8, Duration.ofMinutes(15), false, Duration.ofSeconds(5)), this.clock);

	@Test
	void aPolicyIsMadeFromDigitStringsOrNumbersAndReadBackAsNumbers() {
		String id = this.state.createPolicy("tok-1", request(null, "nightly-db", "[\"2\",\"14\"]", "[0,6]", "\"7\""));

		assertThat(id).matches("asp-[A-Za-z0-9]{8}");
		Asp policy = this.state.policy(id);
		assertThat(policy.name()).isEqualTo("nightly-db");
		assertThat(policy.timePoints()).containsExactly(2, 14);
		assertThat(policy.repeatWeekdays()).containsExactly(0, 6);
		assertThat(policy.retentionDays()).isEqualTo(7);
		assertThat(policy.status()).isEqualTo("active");
		assertThat(policy.createdTime()).isEqualTo("2026-11-22T10:00:00Z");
		assertThat(policy.lastExecuteTime()).isEqualTo(BaiduSandboxMapper.NEVER);
		assertThat(policy.volumeCount()).isZero();
	}

	@Test
	void sevenIsSunday() {
		String id = this.state.createPolicy(null, request(null, "weekly", "[3]", "[7,1]", "-1"));

		assertThat(this.state.policy(id).repeatWeekdays()).containsExactly(0, 1);
		assertThat(this.state.policy(id).retentionDays()).isEqualTo(-1);
	}

	@Test
	void theSameClientTokenWithTheSameRequestGivesTheSamePolicy() {
		AspRequest request = request(null, "nightly-db", "[2]", "[0,1,2,3,4,5,6]", "7");
		String first = this.state.createPolicy("tok-1", request);

		assertThat(this.state.createPolicy("tok-1", request)).isEqualTo(first);
		assertThat(this.state.createPolicy("tok-1", request(null, "nightly-db", "[\"2\"]", "[0,1,2,3,4,5,6]", "\"7\"")))
			.as("the same values, however sent")
			.isEqualTo(first);
		refused(() -> this.state.createPolicy("tok-1", request(null, "nightly-db", "[3]", "[0,1,2,3,4,5,6]", "7")), 409,
				"IdempotentParameterMismatch");
		assertThat(this.state.createPolicy("tok-2", request)).isNotEqualTo(first);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1-nightly|[2]|[0]|7|Asp.NameInvalid", "nightly db|[2]|[0]|7|Asp.NameInvalid",
					"n|[24]|[0]|7|Asp.TimePointsInvalid", "n|[]|[0]|7|Asp.TimePointsInvalid",
					"n|[\"two\"]|[0]|7|Asp.TimePointsInvalid", "n|2|[0]|7|Asp.TimePointsInvalid",
					"n|[2]|[8]|7|Asp.RepeatWeekdaysInvalid", "n|[2]|[-1]|7|Asp.RepeatWeekdaysInvalid",
					"n|[2]|[0]|0|Asp.RetentionDaysInvalid", "n|[2]|[0]|10001|Asp.RetentionDaysInvalid",
					"n|[2]|[0]|[7]|Asp.RetentionDaysInvalid", "n|[2]|[0]|null|BadRequest" })
	void aFieldOutsideWhatBccDocumentsIsRefusedWithItsCode(String name, String hours, String weekdays, String retention,
			String code) {
		refused(() -> this.state.createPolicy(null, request(null, name, hours, weekdays, retention)), 400, code);
		assertThat(this.state.policies(null, null).policies()).hasSize(1);
	}

	@Test
	void listsInTheOrderTheyWereMadeFollowingTheMarkers() {
		String second = this.state.createPolicy(null, request(null, "b", "[2]", "[0]", "7"));
		String third = this.state.createPolicy(null, request(null, "c", "[2]", "[0]", "7"));

		AspPage first = this.state.policies(null, "2");
		assertThat(first.policies()).extracting(Asp::id).containsExactly(BaiduSandboxSeed.DEMO_POLICY, second);
		assertThat(first.truncated()).isTrue();
		assertThat(first.nextMarker()).isEqualTo(third);
		AspPage last = this.state.policies(first.nextMarker(), "2");
		assertThat(last.policies()).extracting(Asp::id).containsExactly(third);
		assertThat(last.truncated()).isFalse();
		assertThat(last.nextMarker()).isNull();
		refused(() -> this.state.policies("asp-unknown1", null), 400, "InvalidParameter");
	}

	@Test
	void anUpdateReplacesEveryFieldAndNeedsThemAll() {
		String id = this.state.createPolicy(null, request(null, "nightly-db", "[2]", "[0,1,2,3,4,5,6]", "7"));
		this.clock.advance(Duration.ofHours(1));

		this.state.updatePolicy("tok-9", request(id, "weekly", "[\"4\"]", "[\"1\"]", "\"30\""));

		Asp policy = this.state.policy(id);
		assertThat(policy.name()).isEqualTo("weekly");
		assertThat(policy.timePoints()).containsExactly(4);
		assertThat(policy.repeatWeekdays()).containsExactly(1);
		assertThat(policy.retentionDays()).isEqualTo(30);
		assertThat(policy.updatedTime()).isEqualTo("2026-11-22T11:00:00Z");
		refused(() -> this.state.updatePolicy(null, request(id, "weekly", null, "[1]", "30")), 400, "BadRequest");
		refused(() -> this.state.updatePolicy(null, request(null, "weekly", "[4]", "[1]", "30")), 400, "BadRequest");
		refused(() -> this.state.updatePolicy(null, request("asp-missing1", "weekly", "[4]", "[1]", "30")), 404,
				"NoSuchObject");
	}

	@Test
	void aDiskInUseIsAttachedAndShowsItsPolicy() {
		String id = this.state.createPolicy(null, request(null, "nightly-db", "[2]", "[0,1,2,3,4,5,6]", "7"));

		this.state.attachPolicy(id, List.of("v-system01"));

		assertThat(this.state.policy(id).volumeCount()).isEqualTo(1);
		assertThat(this.state.volume("v-system01").autoSnapshotPolicy()).isNotNull()
			.satisfies((asp) -> assertThat(asp.id()).isEqualTo(id));
		assertThat(this.state.volume("v-data0002").autoSnapshotPolicy()).isNull();
	}

	@Test
	void aDiskNotInUseOrMissingIsNotAttached() {
		String id = this.state.createPolicy(null, request(null, "nightly-db", "[2]", "[0,1,2,3,4,5,6]", "7"));

		refused(() -> this.state.attachPolicy(id, List.of("v-data0002")), 400, "Asp.VolumeStatusInvalid");
		refused(() -> this.state.attachPolicy(id, List.of("v-data0003")), 400, "Asp.VolumeStatusInvalid");
		refused(() -> this.state.attachPolicy(id, List.of("v-missing1")), 404, "NoSuchObject");
		refused(() -> this.state.attachPolicy(id, List.of()), 400, "BadRequest");
		refused(() -> this.state.attachPolicy("asp-missing1", List.of("v-data0001")), 404, "NoSuchObject");
		assertThat(this.state.policy(id).volumeCount()).isZero();
	}

	@Test
	void aDiskIsInOnePolicyAtATime() {
		String id = this.state.createPolicy(null, request(null, "nightly-db", "[2]", "[0,1,2,3,4,5,6]", "7"));

		this.state.attachPolicy(id, List.of("v-data0001"));

		assertThat(this.state.volume("v-data0001").autoSnapshotPolicy().id()).isEqualTo(id);
		assertThat(this.state.policy(BaiduSandboxSeed.DEMO_POLICY).volumeCount()).isZero();
	}

	@Test
	void aDetachedDiskShowsNoPolicyAndADeletedPolicyLeavesItsDisksAndSnapshots() {
		String id = this.state.createPolicy(null, request(null, "nightly-db", "[2]", "[0,1,2,3,4,5,6]", "7"));
		this.state.attachPolicy(id, List.of("v-system01", "v-system02"));

		this.state.detachPolicy(id, List.of("v-system01"));
		assertThat(this.state.volume("v-system01").autoSnapshotPolicy()).isNull();
		assertThat(this.state.policy(id).volumeCount()).isEqualTo(1);

		List<String> snapshots = this.state.snapshotsOf("v-data0001");
		this.state.deletePolicy(BaiduSandboxSeed.DEMO_POLICY);
		assertThat(this.state.volume("v-data0001").autoSnapshotPolicy()).isNull();
		assertThat(this.state.snapshotsOf("v-data0001")).isEqualTo(snapshots);
		refused(() -> this.state.policy(BaiduSandboxSeed.DEMO_POLICY), 404, "NoSuchObject");
		refused(() -> this.state.deletePolicy(BaiduSandboxSeed.DEMO_POLICY), 404, "NoSuchObject");
	}

	@Test
	void disksAreListedByIdWithTheirPolicies() {
		BaiduSandboxJson.VolumePage first = this.state.volumes(null, "4", null);

		assertThat(first.volumes()).extracting(BaiduSandboxJson.Volume::id)
			.containsExactly("v-data0001", "v-data0002", "v-data0003", "v-data0004");
		assertThat(first.volumes().get(0).autoSnapshotPolicy().id()).isEqualTo(BaiduSandboxSeed.DEMO_POLICY);
		assertThat(first.nextMarker()).isEqualTo("v-system01");
		assertThat(this.state.volumes(first.nextMarker(), "4", null).volumes()).extracting(BaiduSandboxJson.Volume::id)
			.containsExactly("v-system01", "v-system02", "v-system03", "v-system04");
	}

	@Test
	void theSeededPolicyRunsEveryHourOnTheInUseDisk() {
		Asp seeded = this.state.policy(BaiduSandboxSeed.DEMO_POLICY);

		assertThat(seeded.timePoints()).hasSize(24);
		assertThat(seeded.repeatWeekdays()).containsExactly(0, 1, 2, 3, 4, 5, 6);
		assertThat(seeded.volumeCount()).isEqualTo(1);
		assertThat(this.state.volume("v-data0001").status()).isEqualTo("InUse");
	}

	static AspRequest request(String aspId, String name, String hours, String weekdays, String retention) {
		return new AspRequest(aspId, name, node(hours), node(weekdays), node(retention));
	}

	private static JsonNode node(String value) {
		return (value != null) ? json.readTree(value) : null;
	}

	private static void refused(Executable call, int status, String code) {
		assertThatExceptionOfType(BaiduSandboxException.class).isThrownBy(call::execute).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
