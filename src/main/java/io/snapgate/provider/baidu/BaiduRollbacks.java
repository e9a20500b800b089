package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.snapgate.domain.DiskType;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.provider.baidu.BaiduRules.RollbackTarget;
import io.snapgate.provider.baidu.BaiduSafetySnapshots.Identity;
import io.snapgate.provider.baidu.BaiduSafetySnapshots.Survey;
import org.jspecify.annotations.Nullable;

/**
 * Restores as BCC makes them: a snapshot's own disk rolled back in place, by default
 * after a safety snapshot of its current state (see {@link BaiduSafetySnapshots}).
 * Starting one sends its first write only: the rollback itself, or the safety snapshot,
 * after which {@link BaiduRollbackSteps} sends the rollback once the safety snapshot is
 * usable, on whichever replica reads the restore first. BCC keeps no record of a
 * rollback, so its progress is read from the disk and the safety snapshot alone, and any
 * replica can answer from the handle.
 */
final class BaiduRollbacks {

	private final ProviderId provider;

	private final BaiduClient client;

	private final BaiduRules rules;

	private final BaiduSafetySnapshots safety;

	private final BaiduRollbackSteps steps;

	private final RestoreSettings settings;

	private final Clock clock;

	BaiduRollbacks(ProviderId provider, BaiduClient client, BaiduRules rules, BaiduSafetySnapshots safety,
			RestoreSettings settings, Clock clock) {
		this.provider = provider;
		this.client = client;
		this.rules = rules;
		this.safety = safety;
		this.steps = new BaiduRollbackSteps(client, rules, settings, clock);
		this.settings = settings;
		this.clock = clock;
	}

	Restore start(RestoreCommand command) {
		Rollback rollback = plan(command);
		RollbackTarget disk = rollback.disk();
		String snapshotId = command.snapshotNativeId();
		Safety safety = rollback.safety();
		if (safety == null) {
			Instant startedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			this.client.rollBack(disk.volumeId(), snapshotId, disk.operation());
			RestoreHandle handle = new BaiduRestoreHandle(disk.volumeId(), snapshotId, startedAt, disk.type(), null)
				.encode();
			return new Restore(handle, snapshotId, command.target(), RestoreStatus.RUNNING,
					"Baidu is rolling back " + describe(disk), startedAt, null, disk.name());
		}
		BaiduSnapshotJson earlier = safety.survey().earlier();
		if (earlier != null && earlier.id() != null) {
			return this.steps.advance(handle(disk, snapshotId, earlier.id(), earlier.createTime()));
		}
		String safetyId = this.safety.take(disk, safety.identity(), snapshotId);
		Optional<BaiduSnapshotJson> taken = this.client.findSnapshot(safetyId);
		RestoreHandle handle = handle(disk, snapshotId, safetyId,
				taken.map(BaiduSnapshotJson::createTime).orElse(null));
		BaiduRestoreHandle decoded = BaiduRestoreHandle.decode(handle);
		return new Restore(handle, snapshotId, command.target(), RestoreStatus.PENDING,
				"Taking safety snapshot " + safetyId + " of " + describe(disk) + " before the rollback",
				decoded.startedAt(), null, disk.name(), safetyId, taken.map(BaiduRollbacks::progress).orElse(null),
				null);
	}

	/** How the restore goes, after its next step if one was due. */
	Restore status(RestoreHandle handle) {
		return this.steps.advance(handle);
	}

	Preview preview(RestoreCommand command) {
		Rollback rollback = plan(command);
		RollbackTarget disk = rollback.disk();
		PreviewBuilder preview = rollback.checks();
		Long size = (disk.sizeGb() != null) ? disk.sizeGb().longValue() : null;
		Safety safety = rollback.safety();
		BaiduSnapshotJson earlier = (safety != null) ? safety.survey().earlier() : null;
		if (earlier != null) {
			return preview
				.action(Preview.Change.NONE, "VOLUME", disk.volumeId(), disk.name(), size,
						"Nothing: the restore made under this Idempotency-Key is answered (its safety snapshot is "
								+ new SnapshotRef(this.provider, String.valueOf(earlier.id())) + ")")
				.build();
		}
		if (safety != null) {
			preview.action(Preview.Change.CREATE, "SNAPSHOT", null, safety.identity().name(), size,
					"A safety snapshot of " + describe(disk) + " as it is now, kept "
							+ BaiduSafetySnapshots.retentionDays(this.settings) + " days; rolling back to it undoes "
							+ "the restore. The rollback is sent once it is usable, at most "
							+ this.settings.stepDeadline() + " after the request");
		}
		String since = (disk.source().createTime() != null) ? disk.source().createTime() : "the snapshot was taken";
		preview
			.action(Preview.Change.OVERWRITE, "VOLUME", disk.volumeId(), disk.name(), size,
					describe(disk) + " rolled back to snapshot " + command.snapshotNativeId())
			.warn("Everything written to " + describe(disk) + " since " + since + " is lost"
					+ ((safety != null) ? ", unless you roll back to the safety snapshot"
							: ": no safety snapshot is taken, so there is no way back"));
		if (disk.type() == DiskType.SYSTEM) {
			preview.warn("The instance's system disk is replaced: stop the instance first if it is running");
		}
		return preview.build();
	}

	/**
	 * Every check a rollback makes before anything is sent, with reads only: BCC's rules
	 * for the disk and, with a safety snapshot, an earlier call's safety snapshot and the
	 * room for one.
	 */
	private Rollback plan(RestoreCommand command) {
		if (!(command.target() instanceof RestoreTarget.VolumeTarget)) {
			throw InvalidRequestException.unsupported("target.type",
					"Baidu rolls back the snapshot's own disk in place; use target type VOLUME");
		}
		if (!command.safetySnapshot() && command.idempotency() != null) {
			throw InvalidRequestException.unsupported("safetySnapshot", "Baidu keeps no record of a rollback: under "
					+ "an Idempotency-Key only the safety snapshot tells a repeat apart, so keep it or send no key");
		}
		BaiduSnapshotJson source = this.rules.requireSnapshot(command.snapshotNativeId());
		PreviewBuilder checks = new PreviewBuilder();
		Identity identity = command.safetySnapshot() ? this.safety.identity(command.idempotency()) : null;
		RollbackTarget disk = null;
		if (identity != null && command.idempotency() != null) {
			// a repeat is recognised before any state is checked: the disk may be busy
			// with the very rollback asked for
			disk = this.rules.rollbackDisk(source);
			Survey survey = this.safety.survey(disk, identity);
			if (survey.earlier() != null) {
				checks.passed("SAME_RESTORE", "This Idempotency-Key's safety snapshot " + survey.earlier().id()
						+ " exists: the restore was asked for already");
				return new Rollback(disk, new Safety(identity, survey), checks);
			}
		}
		this.rules.checkRollbackSource(source);
		if (disk == null) {
			disk = this.rules.rollbackDisk(source);
		}
		this.rules.checkRollbackReady(disk);
		checks.passed("SNAPSHOT_AVAILABLE", "Snapshot " + command.snapshotNativeId() + " is Available")
			.passed((disk.type() == DiskType.CDS) ? "DISK_DETACHED" : "INSTANCE_READY",
					((disk.type() == DiskType.CDS) ? describe(disk) : "Its instance " + disk.snapshotDiskId()) + " is "
							+ disk.state());
		if (identity == null) {
			return new Rollback(disk, null, checks);
		}
		Survey survey = this.safety.survey(disk, identity);
		this.safety.checkRoom(disk, survey);
		Integer quota = this.safety.quotaPerDisk();
		if (quota != null) {
			checks.passed("ROOM_FOR_SAFETY_SNAPSHOT",
					describe(disk) + " holds " + survey.manualSnapshots() + " manual snapshots of " + quota);
		}
		else {
			checks.unknown("ROOM_FOR_SAFETY_SNAPSHOT",
					"BCC tells no snapshot quota; " + describe(disk) + " holds " + survey.manualSnapshots()
							+ " manual snapshots, and a refusal of the safety snapshot stops "
							+ "the restore before the rollback");
		}
		return new Rollback(disk, new Safety(identity, survey), checks);
	}

	private RestoreHandle handle(RollbackTarget disk, String snapshotId, String safetyId, @Nullable String createTime) {
		Instant created = BaiduSnapshotMapper.parseTime(createTime);
		Instant startedAt = (created != null) ? created : this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return new BaiduRestoreHandle(disk.volumeId(), snapshotId, startedAt, disk.type(), safetyId).encode();
	}

	/** BCC's {@code progress} of a snapshot, as a percentage, when it is one. */
	static @Nullable Integer progress(BaiduSnapshotJson snapshot) {
		String progress = snapshot.progress();
		if (progress == null || !progress.strip().matches("[0-9]{1,3}%?")) {
			return null;
		}
		return Math.min(100, Integer.parseInt(progress.strip().replace("%", "")));
	}

	private static String describe(RollbackTarget disk) {
		return describe(disk.type()) + " " + disk.volumeId();
	}

	static String describe(DiskType type) {
		return (type == DiskType.SYSTEM) ? "system disk" : "CDS disk";
	}

	/**
	 * A rollback as checked before anything is sent.
	 *
	 * @param safety its safety snapshot; {@code null} without one
	 */
	private record Rollback(RollbackTarget disk, @Nullable Safety safety, PreviewBuilder checks) {
	}

	/**
	 * @param identity the safety snapshot's name and token
	 * @param survey what the disk holds
	 */
	private record Safety(Identity identity, Survey survey) {
	}

}
