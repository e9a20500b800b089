package io.snapgate.sandbox.baidu;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * BCC's instances, disks, snapshots and automatic snapshot policies as the emulator keeps
 * them; what time makes of their statuses is {@link BaiduSandboxProgress}'s to say.
 */
final class BaiduSandboxResources {

	private BaiduSandboxResources() {
	}

	record Instance(String id, String name, String status, String systemVolumeId, Instant createdAt) {
	}

	record Volume(String id, String name, int sizeGb, boolean system, @Nullable String instanceId, String status,
			Instant createdAt, @Nullable Instant rollbackUntil, @Nullable String rollbackSnapshotId) {

		Volume rollingBack(String snapshotId, Instant until) {
			return new Volume(this.id, this.name, this.sizeGb, this.system, this.instanceId, this.status,
					this.createdAt, until, snapshotId);
		}

		boolean isRollingBack(Instant now) {
			return this.rollbackUntil != null && now.isBefore(this.rollbackUntil);
		}

	}

	/**
	 * @param sequence the order of creation, by which lists are sorted
	 * @param readyAt when a {@code Creating} snapshot is {@code Available}, if it ever is
	 * @param deleted a tombstone, kept so that a marker naming it still has its place
	 * @param policyId the policy whose schedule made it, which BCC keeps to itself (it
	 * shows {@code createMethod} {@code auto} only); {@code null} for none
	 * @param expiresAt when BCC deletes it, for a snapshot made or changed with a
	 * retention; {@code null} for one kept until deleted
	 * @param settlesAs what a {@code Creating} snapshot is once {@code readyAt} has
	 * passed: {@code Available}, or {@code CreatedFailed} for a copy bound to fail
	 */
	record Snapshot(long sequence, String id, String name, String desc, String volumeId, int sizeGb, Instant createdAt,
			String status, @Nullable Instant readyAt, String createMethod, boolean deleted, @Nullable String policyId,
			@Nullable Instant expiresAt, String settlesAs) {

		static final String AVAILABLE = "Available";

		static final String FAILED = "CreatedFailed";

		/** A snapshot that becomes {@code Available} once made. */
		Snapshot(long sequence, String id, String name, String desc, String volumeId, int sizeGb, Instant createdAt,
				String status, @Nullable Instant readyAt, String createMethod, boolean deleted,
				@Nullable String policyId, @Nullable Instant expiresAt) {
			this(sequence, id, name, desc, volumeId, sizeGb, createdAt, status, readyAt, createMethod, deleted,
					policyId, expiresAt, AVAILABLE);
		}

		/** A snapshot kept until deleted (or, for a schedule's, by its policy). */
		Snapshot(long sequence, String id, String name, String desc, String volumeId, int sizeGb, Instant createdAt,
				String status, @Nullable Instant readyAt, String createMethod, boolean deleted,
				@Nullable String policyId) {
			this(sequence, id, name, desc, volumeId, sizeGb, createdAt, status, readyAt, createMethod, deleted,
					policyId, null);
		}

		Snapshot asDeleted() {
			return new Snapshot(this.sequence, this.id, this.name, this.desc, this.volumeId, this.sizeGb,
					this.createdAt, this.status, this.readyAt, this.createMethod, true, this.policyId, this.expiresAt,
					this.settlesAs);
		}

		Snapshot withAttributes(String name, String desc, @Nullable Instant expiresAt) {
			return new Snapshot(this.sequence, this.id, name, desc, this.volumeId, this.sizeGb, this.createdAt,
					this.status, this.readyAt, this.createMethod, this.deleted, this.policyId, expiresAt,
					this.settlesAs);
		}

		/** The same snapshot, failed now whatever it was bound to become. */
		Snapshot asFailed() {
			return new Snapshot(this.sequence, this.id, this.name, this.desc, this.volumeId, this.sizeGb,
					this.createdAt, FAILED, null, this.createMethod, this.deleted, this.policyId, this.expiresAt,
					FAILED);
		}

		/** Whether a schedule made it, which BCC counts apart from manual snapshots. */
		boolean automatic() {
			return this.createMethod.toLowerCase(Locale.ROOT).equals("auto");
		}

	}

	/**
	 * An instance snapshot: one snapshot of each of its instance's disks, taken together.
	 * What it shows as follows from its disks' snapshots; once deleted it shows as
	 * {@code deleting} for a while, then no more.
	 *
	 * @param sequence the order of creation, by which lists are sorted
	 * @param snapshotIds its disks' snapshots, the system disk's first
	 * @param deletingUntil once deleted: until when it still shows, as {@code deleting};
	 * {@code null} while it is not deleted
	 */
	record InstanceSnapshot(long sequence, String id, String name, String instanceId, Instant createdAt,
			List<String> snapshotIds, @Nullable Instant deletingUntil) {

		InstanceSnapshot {
			snapshotIds = List.copyOf(snapshotIds);
		}

		InstanceSnapshot deleted(Instant until) {
			return new InstanceSnapshot(this.sequence, this.id, this.name, this.instanceId, this.createdAt,
					this.snapshotIds, until);
		}

		/** Whether it is gone, or going. */
		boolean isDeleted() {
			return this.deletingUntil != null;
		}

	}

	/**
	 * An automatic snapshot policy: a snapshot at the top of each listed hour on each
	 * listed weekday, in {@link BaiduSandboxSchedules#ZONE}.
	 *
	 * @param hours 0..23, ascending
	 * @param weekdays 0..6 with 0 = Sunday, ascending
	 * @param retentionDays days each snapshot is kept, or -1 for ever
	 * @param lastExecutedAt when it last made snapshots, if ever
	 * @param lastSlot the latest scheduled time it has run for (or was made at): it runs
	 * only for times after it
	 * @param everyMinute the sandbox's demonstration: it runs at the top of every minute
	 * instead, which BCC cannot express
	 */
	record Policy(String id, String name, List<Integer> hours, List<Integer> weekdays, int retentionDays,
			Instant createdAt, Instant updatedAt, @Nullable Instant lastExecutedAt, Instant lastSlot,
			boolean everyMinute) {

		Policy {
			hours = List.copyOf(hours);
			weekdays = List.copyOf(weekdays);
		}

		/** The same policy with a new definition; it follows that definition from now. */
		Policy redefined(String name, List<Integer> hours, List<Integer> weekdays, int retentionDays, Instant now) {
			return new Policy(this.id, name, hours, weekdays, retentionDays, this.createdAt, now, this.lastExecutedAt,
					this.lastSlot, false);
		}

		/**
		 * @param madeSnapshots whether it found a disk to snapshot at {@code slot}
		 */
		Policy ranFor(Instant slot, boolean madeSnapshots) {
			return new Policy(this.id, this.name, this.hours, this.weekdays, this.retentionDays, this.createdAt,
					this.updatedAt, madeSnapshots ? slot : this.lastExecutedAt, slot, this.everyMinute);
		}

	}

}
