package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import org.jspecify.annotations.Nullable;

/**
 * Which snapshot profile the whole system uses, as far as VergeOS's API tells it. No
 * documented field holds that choice (it is made under System > System Snapshots), but
 * the cloud snapshots a schedule takes name the profile that took them: the profile of
 * the newest one is the system's. A profile chosen since then reads as the system's from
 * its first snapshot on; before it, the one it replaced still does, which is what an
 * operator should see while no new snapshot comes. With no scheduled snapshot at all,
 * nothing can be told.
 *
 * @param key the key of the profile that took the newest scheduled snapshot; {@code null}
 * when there is none
 * @param lastTakenAt when that snapshot was taken, if VergeOS says
 * @param machines the keys of the VMs each profile is assigned to, by profile key
 * ({@code vms.snapshot_profile}, which SnapGate writes and reads back)
 */
record VergeosSystemProfile(@Nullable String key, @Nullable Instant lastTakenAt, Map<String, List<String>> machines) {

	/** The attribute that says how a policy's assignment was worked out. */
	static final String ASSIGNMENT = "systemAssignment";

	/** The attribute that names the profile taken as the system's. */
	static final String SYSTEM_PROFILE = "systemProfile";

	static VergeosSystemProfile of(Optional<VergeosCloudSnapshotRow> newestScheduled, List<VergeosVmRow> vms) {
		Map<String, List<String>> machines = new HashMap<>();
		for (VergeosVmRow vm : vms) {
			String profile = vm.snapshotProfile();
			if (vm.key() != null && !vm.isSnapshot() && profile != null && VergeosLimits.isKey(profile)
					&& !profile.equals("0")) {
				machines.computeIfAbsent(profile, (key) -> new ArrayList<>()).add(vm.key());
			}
		}
		return newestScheduled.filter((row) -> row.snapshotProfile() != null)
			.map((row) -> new VergeosSystemProfile(row.snapshotProfile(),
					(row.created() != null) ? Instant.ofEpochSecond(row.created()) : null, machines))
			.orElse(new VergeosSystemProfile(null, null, machines));
	}

	/** Whether any profile has taken a scheduled snapshot that still exists. */
	boolean isKnown() {
		return this.key != null;
	}

	boolean isSystems(String profileKey) {
		return profileKey.equals(this.key);
	}

	/**
	 * A profile assigned to a VM runs; SnapGate reads no assignment to NAS volumes, so a
	 * profile that is neither the system's nor a VM's runs nothing that it knows of.
	 */
	PolicyStatus statusOf(String profileKey) {
		if (this.machines.containsKey(profileKey)) {
			return PolicyStatus.ACTIVE;
		}
		if (!isKnown()) {
			return PolicyStatus.UNKNOWN;
		}
		return isSystems(profileKey) ? PolicyStatus.ACTIVE : PolicyStatus.NOT_ASSIGNED;
	}

	List<PolicyTarget> targetsOf(String profileKey) {
		List<PolicyTarget> targets = new ArrayList<>();
		if (isSystems(profileKey)) {
			targets.add(PolicyTarget.SYSTEM);
		}
		this.machines.getOrDefault(profileKey, List.of()).forEach((vm) -> targets.add(PolicyTarget.machine(vm)));
		return targets;
	}

	/** Says, in a profile's attributes, how its assignment was worked out. */
	void describe(String profileKey, Map<String, String> attributes) {
		if (!isKnown()) {
			attributes.put(ASSIGNMENT, "no-scheduled-snapshot");
			return;
		}
		attributes.put(ASSIGNMENT, isSystems(profileKey) ? "inferred-from-newest-scheduled-snapshot"
				: "newest-scheduled-snapshot-from-another-profile");
		attributes.put(SYSTEM_PROFILE, String.valueOf(this.key));
	}

}
