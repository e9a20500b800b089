package io.snapgate.provider.baidu;

import java.util.UUID;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.DiskType;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.baidu.BaiduReplies.CreateSnapshotBody;
import io.snapgate.provider.baidu.BaiduRules.RollbackTarget;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot of a disk's current state taken before it is rolled back: the rollback's
 * way back, and, under an idempotency key, how a repeat of the restore is known. Its name
 * and client token derive from the key, so a repeat finds it rather than taking another,
 * and its description carries the request's fingerprint, so the same key with another
 * request is told apart.
 */
final class BaiduSafetySnapshots {

	static final String NAME_PREFIX = "snapgate_safety_";

	private static final int MAX_PAGES = 10;

	private static final int PAGE = 1000;

	private static final int MAX_RETENTION_DAYS = 10_000;

	private final ProviderId provider;

	private final BaiduClient client;

	private final @Nullable Integer quotaPerDisk;

	private final int retentionDays;

	/**
	 * @param quotaPerDisk how many manual snapshots BCC lets a disk hold, when the
	 * account's quota is known; {@code null} leaves it to BCC's refusal
	 */
	BaiduSafetySnapshots(ProviderId provider, BaiduClient client, @Nullable Integer quotaPerDisk,
			RestoreSettings settings) {
		this.provider = provider;
		this.client = client;
		this.quotaPerDisk = quotaPerDisk;
		this.retentionDays = retentionDays(settings);
	}

	/**
	 * How many days BCC keeps a safety snapshot: the retention asked for, in the whole
	 * days BCC takes.
	 */
	static int retentionDays(RestoreSettings settings) {
		return Math.clamp(settings.safetySnapshotRetention().toDays(), 1, MAX_RETENTION_DAYS);
	}

	/** The name and token of a restore's safety snapshot. */
	Identity identity(@Nullable IdempotencyKey key) {
		String token = (key != null) ? IdempotencyKey.sha256Hex("safety\n" + key.token(this.provider)).substring(0, 32)
				: UUID.randomUUID().toString().replace("-", "");
		String fingerprint = (key != null) ? key.fingerprint().substring(0, 16) : "";
		return new Identity(NAME_PREFIX + token, token, fingerprint);
	}

	/**
	 * The name and token of the safety snapshot of one disk of a machine's rollback: one
	 * per disk, since BCC takes a client token for one create only.
	 */
	Identity identity(@Nullable IdempotencyKey key, String volumeId) {
		if (key == null) {
			return identity(null);
		}
		String token = IdempotencyKey.sha256Hex("safety\n" + key.token(this.provider) + "\n" + volumeId)
			.substring(0, 32);
		return new Identity(NAME_PREFIX + token, token, key.fingerprint().substring(0, 16));
	}

	/**
	 * What the disk holds: this restore's safety snapshot, if an earlier call took it,
	 * and how many manual snapshots count against its quota.
	 * @throws IdempotencyKeyReusedException when the key's safety snapshot was taken for
	 * another request
	 */
	Survey survey(RollbackTarget disk, Identity identity) {
		BaiduSnapshotJson earlier = null;
		int manual = 0;
		String marker = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			BaiduSnapshotListJson listed = this.client.listSnapshots(marker, PAGE, diskOf(disk));
			for (BaiduSnapshotJson snapshot : listed.snapshotsOrEmpty()) {
				if (!BaiduSnapshotMapper.isAutomatic(snapshot)) {
					manual++;
				}
				if (identity.name().equals(snapshot.name())) {
					earlier = snapshot;
				}
			}
			marker = listed.nextMarker();
			if (!listed.truncated() || marker == null) {
				break;
			}
		}
		if (earlier != null && !identity.fingerprint().isEmpty()
				&& (earlier.desc() == null || !earlier.desc().contains(identity.mark()))) {
			throw new IdempotencyKeyReusedException();
		}
		return new Survey(earlier, manual);
	}

	/**
	 * What BCC files the disk's snapshots under: what the snapshot rolled back to names,
	 * since a safety snapshot is a snapshot of the same disk.
	 */
	private static String diskOf(RollbackTarget disk) {
		String named = disk.source().volumeId();
		return (named != null && !named.isBlank()) ? named : disk.snapshotDiskId();
	}

	/**
	 * @throws ConflictException with {@code QUOTA_EXCEEDED} when the known quota leaves
	 * no room for the safety snapshot
	 */
	void checkRoom(RollbackTarget disk, Survey survey) {
		if (this.quotaPerDisk != null && survey.manualSnapshots() >= this.quotaPerDisk) {
			throw noRoom(disk, survey.manualSnapshots() + " manual snapshots, the quota of " + this.quotaPerDisk);
		}
	}

	@Nullable Integer quotaPerDisk() {
		return this.quotaPerDisk;
	}

	/**
	 * Asks BCC for the safety snapshot; a repeat under the same token is a no-op there.
	 */
	String take(RollbackTarget disk, Identity identity, String rollbackSnapshotId) {
		BaiduOperation operation = (disk.type() == DiskType.SYSTEM) ? BaiduOperation.SNAPSHOT_SYSTEM_DISK
				: BaiduOperation.SNAPSHOT_CDS_VOLUME;
		String description = "Taken before rolling back " + disk.volumeId() + " to " + rollbackSnapshotId
				+ "; roll back to this snapshot to undo it " + identity.mark();
		String id;
		try {
			id = this.client.createSnapshot(identity.token(),
					new CreateSnapshotBody(disk.snapshotDiskId(), identity.name(), description, this.retentionDays),
					operation);
		}
		catch (ConflictException ex) {
			if (ex.code() != ErrorCode.QUOTA_EXCEEDED) {
				throw ex;
			}
			throw noRoom(disk, "as many snapshots as its quota allows").withUpstream(ex.upstream());
		}
		if (!BaiduIds.isSnapshotId(id)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered a snapshot id of an unknown shape");
		}
		return id;
	}

	private static ConflictException noRoom(RollbackTarget disk, String holds) {
		return new ConflictException(ErrorCode.QUOTA_EXCEEDED, "Disk " + disk.volumeId() + " holds " + holds
				+ ", so there is no room for the safety snapshot and nothing was rolled back. Delete a snapshot of the "
				+ "disk you no longer need, or send \"safetySnapshot\": false to roll back without a way back");
	}

	/**
	 * @param name the snapshot's name
	 * @param token the client token it is asked for under
	 * @param fingerprint the request's fingerprint, empty without a caller's key
	 */
	record Identity(String name, String token, String fingerprint) {

		String mark() {
			return "[snapgate:" + this.fingerprint + "]";
		}

	}

	/**
	 * @param earlier the safety snapshot an earlier call took, if any
	 * @param manualSnapshots the disk's manual snapshots
	 */
	record Survey(@Nullable BaiduSnapshotJson earlier, int manualSnapshots) {
	}

}
