package io.snapgate.guard;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.MachineSource;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.SnapshotWithMembers;
import io.snapgate.domain.VolumeSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every kind of answer a provider's reads give comes back from Redis exactly as the
 * upstream gave it, with every variant and every optional value both present and absent.
 */
class AnswerCodecTests {

	private static final ProviderId PROVIDER = new ProviderId("bcc");

	private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

	private final AnswerCodec codec = new AnswerCodec();

	@Test
	void snapshotPagesComeBackTheSame() {
		roundTrips(Answer.SNAPSHOT_PAGE,
				new Page<>(List.of(new Page.Entry<>(volumeSnapshot(), new Cursor("m-1")),
						new Page.Entry<>(machineSnapshot(), new Cursor("m-2")),
						new Page.Entry<>(systemSnapshot(), new Cursor("3"))), new Cursor("m-4")));
		roundTrips(Answer.SNAPSHOT_PAGE, Page.last(List.of()));
	}

	@Test
	void snapshotsComeBackTheSame() {
		roundTrips(Answer.SNAPSHOT, Optional.of(volumeSnapshot()));
		roundTrips(Answer.SNAPSHOT, Optional.of(machineSnapshot()));
		roundTrips(Answer.SNAPSHOT, Optional.of(systemSnapshot()));
		roundTrips(Answer.SNAPSHOT, Optional.empty());
	}

	@Test
	void snapshotsWithTheirMembersComeBackTheSame() {
		roundTrips(Answer.SNAPSHOT_WITH_MEMBERS, Optional.of(new SnapshotWithMembers(systemSnapshot(), members())));
		roundTrips(Answer.SNAPSHOT_WITH_MEMBERS, Optional.of(new SnapshotWithMembers(volumeSnapshot(), List.of())));
		roundTrips(Answer.SNAPSHOT_WITH_MEMBERS, Optional.empty());
	}

	@Test
	void membersComeBackTheSame() {
		roundTrips(Answer.MEMBERS, members());
		roundTrips(Answer.MEMBERS, List.of());
	}

	@Test
	void restoresComeBackTheSame() {
		roundTrips(Answer.RESTORE,
				new Restore(new RestoreHandle("r-1"), "12", new RestoreTarget.MemberTarget(MemberType.VM, "web"),
						RestoreStatus.RUNNING, "copying", AT, null, null));
		roundTrips(Answer.RESTORE, new Restore(new RestoreHandle("r-2"), "s-1", new RestoreTarget.VolumeTarget(),
				RestoreStatus.FAILED, null, AT, AT.plusSeconds(60), "v-1", "s-safety", 40, "the disk is attached"));
		roundTrips(Answer.RESTORE, new Restore(new RestoreHandle("r-3"), "s-2",
				new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE), RestoreStatus.SUCCEEDED, null, null, AT, null));
		roundTrips(Answer.RESTORE, new Restore(new RestoreHandle("r-4"), "s-2",
				new RestoreTarget.MachineTarget(RestoreMode.NEW_COPY), RestoreStatus.PENDING, null, null, null, null));
	}

	@Test
	void healthComesBackTheSame() {
		for (ProviderHealth health : ProviderHealth.values()) {
			roundTrips(Answer.HEALTH, health);
		}
	}

	@Test
	void policiesComeBackTheSame() {
		roundTrips(Answer.POLICY, Optional.of(policy()));
		roundTrips(Answer.POLICY, Optional.of(new Policy(PROVIDER, new ProviderType("baidu"), "p-2", "plain",
				new PolicySchedule(ZoneId.of("UTC"), List.of(new ScheduleRule.Hourly(5))), PolicyRetention.forever(),
				false, List.of(PolicyTarget.SYSTEM), PolicyStatus.UNKNOWN, "?", null, null, Map.of())));
		roundTrips(Answer.POLICY, Optional.empty());
		roundTrips(Answer.POLICY_PAGE,
				new Page<>(List.of(new Page.Entry<>(policy(), new Cursor("p-1"))), new Cursor("p-2")));
	}

	@Test
	void copiesComeBackTheSame() {
		Copy running = new Copy(new CopyHandle("c-1"), "s-1", new ProviderId("other"), null, CopyStatus.RUNNING,
				"sending", AT, 30, null);
		Copy failed = new Copy(new CopyHandle("c-2"), "s-1", new ProviderId("other"), "s-9", CopyStatus.FAILED, null,
				null, null, "no space left");
		roundTrips(Answer.COPY, running);
		roundTrips(Answer.COPIES, List.of(running, failed));
		roundTrips(Answer.COPIES, List.of());
	}

	@Test
	void anAnswerThatDoesNotComeBackTheSameIsNotWritten() {
		Answer<Object> anything = new Answer<>("anything", new TypeReference<>() {
		});

		assertThat(this.codec.encode(anything, new Object())).isEmpty();
		assertThat(this.codec.encode(anything, Thread.currentThread())).isEmpty();
	}

	@Test
	void bytesOfAnotherKindAreRefused() {
		byte[] members = this.codec.encode(Answer.MEMBERS, members()).orElseThrow();

		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> this.codec.decode(Answer.RESTORE, members));
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> this.codec.decode(Answer.SNAPSHOT,
				"{\"@class\":\"java.lang.Runtime\"}".getBytes(StandardCharsets.UTF_8)));
	}

	private <T> void roundTrips(Answer<T> kind, T answer) {
		byte[] written = this.codec.encode(kind, answer).orElseThrow(() -> new AssertionError(kind + " not written"));
		assertThat(this.codec.decode(kind, written)).isEqualTo(answer);
	}

	private static List<Member> members() {
		return List.of(new Member(MemberType.VM, "41", "web"), new Member(MemberType.TENANT, "7", "tenant a"));
	}

	private static Snapshot volumeSnapshot() {
		return new Snapshot(PROVIDER, new ProviderType("baidu"), "s-1", "nightly", "before the upgrade", Scope.VOLUME,
				new VolumeSource("v-1", DiskType.CDS, "i-1"), SnapshotStatus.AVAILABLE, "Available", AT,
				AT.plus(Duration.ofDays(7)), 40, true, true, AT.plusSeconds(3600), Map.of("region", "bj", "tier", "1"),
				"p-1", new SnapshotRef(new ProviderId("other"), "s-0"));
	}

	private static Snapshot machineSnapshot() {
		return new Snapshot(PROVIDER, new ProviderType("baidu"), "m-1", "machine", null, Scope.MACHINE,
				new MachineSource("i-1", null,
						List.of(new MachineSource.MachineDisk("v-1", DiskType.SYSTEM, "s-1", SnapshotStatus.CREATING),
								new MachineSource.MachineDisk("v-2", DiskType.CDS, null, null))),
				SnapshotStatus.CREATING, "Creating", AT, null, null, false, false, null, Map.of(), null);
	}

	private static Snapshot systemSnapshot() {
		return new Snapshot(new ProviderId("verge"), new ProviderType("vergeos"), "12", "system", null, Scope.SYSTEM,
				null, SnapshotStatus.FAILED, "error", AT, null, null, false, false, null, Map.of(), null);
	}

	private static Policy policy() {
		return new Policy(PROVIDER, new ProviderType("baidu"), "p-1", "daily",
				new PolicySchedule(ZoneId.of("Asia/Shanghai"),
						List.of(new ScheduleRule.Hourly(0), new ScheduleRule.Daily(LocalTime.of(2, 30)),
								new ScheduleRule.Weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.NOON),
								new ScheduleRule.Monthly(31, LocalTime.MIDNIGHT))),
				new PolicyRetention(Duration.ofDays(30), 3), true,
				List.of(PolicyTarget.volume("v-1"), PolicyTarget.machine("i-1")), PolicyStatus.ACTIVE, "Active", AT,
				AT.plusSeconds(86_400), Map.of("autoSnapshotPolicyId", "asp-1"),
				List.of(new PolicyCopy(new CopyRule(new ProviderId("other"), Duration.ofDays(14)), true, AT, "s-7"),
						PolicyCopy.untold(new CopyRule(new ProviderId("third"), null))));
	}

}
