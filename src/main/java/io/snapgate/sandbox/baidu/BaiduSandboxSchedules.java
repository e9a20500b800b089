package io.snapgate.sandbox.baidu;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.snapgate.sandbox.baidu.BaiduSandboxResources.Policy;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;

/**
 * BCC's scheduler, run on the emulator's clock: at each scheduled hour (in {@link #ZONE})
 * a policy snapshots every disk of it that is in use, and snapshots a policy made are
 * removed once older than its retention, as BCC does. A disk keeps at most
 * {@link #AUTOMATIC_PER_DISK} automatic snapshots, the oldest going first. A run that was
 * missed is not made up: only the latest scheduled time since the last run is taken. Not
 * safe on its own: {@link BaiduSandboxState} calls it under its lock.
 */
final class BaiduSandboxSchedules {

	/** The zone the emulator reads the hours of its policies in: Beijing time. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** BCC's cap on the automatic snapshots of one disk. */
	static final int AUTOMATIC_PER_DISK = 256;

	private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZONE);

	/** How far back a run looks for a scheduled hour: one week holds every one. */
	private static final int HOURS_IN_A_WEEK = 7 * 24;

	private final BaiduSandboxAccount account;

	private final BaiduSandboxPolicies policies;

	private final Duration snapshotDelay;

	BaiduSandboxSchedules(BaiduSandboxAccount account, BaiduSandboxPolicies policies, Duration snapshotDelay) {
		this.account = account;
		this.policies = policies;
		this.snapshotDelay = snapshotDelay;
	}

	/**
	 * Makes the snapshots that are due at {@code now} and removes the expired ones.
	 * @return the ids of the snapshots made
	 */
	List<String> run(Instant now) {
		List<String> made = new ArrayList<>();
		for (Policy policy : this.policies.all()) {
			Instant slot = dueSlot(policy, now);
			if (slot != null) {
				List<String> snapshots = snapshotDisksOf(policy, slot);
				this.policies.put(policy.ranFor(slot, !snapshots.isEmpty()));
				made.addAll(snapshots);
			}
		}
		expire(now);
		return made;
	}

	/**
	 * The latest scheduled time after the policy's last run and not after {@code now}, if
	 * any.
	 */
	static @Nullable Instant dueSlot(Policy policy, Instant now) {
		if (policy.everyMinute()) {
			Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
			return minute.isAfter(policy.lastSlot()) ? minute : null;
		}
		ZonedDateTime hour = now.atZone(ZONE).truncatedTo(ChronoUnit.HOURS);
		for (int i = 0; i < HOURS_IN_A_WEEK && hour.toInstant().isAfter(policy.lastSlot()); i++) {
			if (policy.hours().contains(hour.getHour()) && policy.weekdays().contains(weekday(hour.getDayOfWeek()))) {
				return hour.toInstant();
			}
			hour = hour.minusHours(1);
		}
		return null;
	}

	/** BCC's number of a weekday: 0 = Sunday. */
	static int weekday(DayOfWeek day) {
		return day.getValue() % 7;
	}

	private List<String> snapshotDisksOf(Policy policy, Instant slot) {
		List<String> made = new ArrayList<>();
		for (String volumeId : this.policies.volumesOf(policy.id())) {
			Volume volume = this.account.volume(volumeId);
			if (volume == null || volume.instanceId() == null || !volume.status().equals("InUse")) {
				continue;
			}
			String id = this.account.newSnapshotId();
			this.account.put(new Snapshot(this.account.nextSequence(), id,
					"auto_" + policy.id() + "_" + NAME_TIME.format(slot), "", volume.id(), volume.sizeGb(), slot,
					"Creating", slot.plus(this.snapshotDelay), "auto", false, policy.id()));
			made.add(id);
			dropOldestAutomatic(volume.id());
		}
		return made;
	}

	private void dropOldestAutomatic(String volumeId) {
		List<Snapshot> automatic = this.account.heldBy(volumeId).stream().filter(Snapshot::automatic).toList();
		automatic.stream().skip(AUTOMATIC_PER_DISK).forEach((old) -> this.account.put(old.asDeleted()));
	}

	private void expire(Instant now) {
		for (Snapshot snapshot : this.account.newestFirst()) {
			String policyId = snapshot.policyId();
			Policy policy = (policyId != null && !snapshot.deleted()) ? this.policies.get(policyId) : null;
			boolean pastPolicy = policy != null && policy.retentionDays() > 0
					&& !snapshot.createdAt().plus(Duration.ofDays(policy.retentionDays())).isAfter(now);
			boolean pastOwn = !snapshot.deleted() && snapshot.expiresAt() != null && !snapshot.expiresAt().isAfter(now);
			if ((pastPolicy || pastOwn) && !isRolledBackTo(snapshot, now)) {
				this.account.put(snapshot.asDeleted());
			}
		}
	}

	private boolean isRolledBackTo(Snapshot snapshot, Instant now) {
		return this.account.volumes()
			.stream()
			.anyMatch((v) -> snapshot.id().equals(v.rollbackSnapshotId()) && v.isRollingBack(now));
	}

}
