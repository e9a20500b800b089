package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Changes a cloud snapshot with {@code PUT cloud_snapshots/<key>}: its description and
 * its expiry; VergeOS keeps a snapshot's name for good. The row is read first:
 * <ul>
 * <li>a new description keeps the idempotency marker the old one ends with (see
 * {@link VergeosIdempotencyMarker}), so a repeated create still finds the snapshot;</li>
 * <li>a retention counts from when the snapshot was taken, so the same change sent twice
 * sets the same expiry, and one that has already run out is refused rather than sent
 * (VergeOS would remove the snapshot);</li>
 * <li>an immutable snapshot that is {@code locked} or {@code unlocking} never has its
 * expiry brought forward, nor, while unlocking, put before its lock ends: 409
 * {@code SNAPSHOT_LOCKED}, and nothing is sent.</li>
 * </ul>
 * The snapshot is read again afterwards and answered as VergeOS shows it.
 */
final class VergeosUpdate {

	private static final int MAX_DESCRIPTION = 2048;

	private final VergeosClient client;

	private final VergeosListing listing;

	private final Clock clock;

	VergeosUpdate(VergeosClient client, VergeosListing listing, Clock clock) {
		this.client = client;
		this.listing = listing;
		this.clock = clock;
	}

	Snapshot update(String nativeId, SnapshotChanges changes) {
		Planned planned = plan(nativeId, changes);
		if (!planned.change().isEmpty()) {
			this.client.updateCloudSnapshot(nativeId, planned.change());
		}
		return this.listing.get(nativeId).orElseThrow(() -> VergeosErrors.snapshotNotFound(nativeId));
	}

	Preview preview(SnapshotRef ref, SnapshotChanges changes) {
		Planned planned = plan(ref.nativeId(), changes);
		VergeosCloudSnapshotRow row = planned.row();
		String name = (row.name() != null) ? row.name() : ref.nativeId();
		PreviewBuilder preview = new PreviewBuilder()
			.passed("SNAPSHOT_EXISTS", "Snapshot " + ref + " is '" + name + "'")
			.passed("REQUEST_VALID", "VergeOS takes the description and the expiry; it keeps the name");
		VergeosCloudSnapshotChange change = planned.change();
		if (change.isEmpty()) {
			return preview.action(Preview.Change.NONE, "SNAPSHOT", ref.toString(), name, null, "Nothing to change")
				.build();
		}
		StringBuilder what = new StringBuilder("The cloud snapshot stays");
		if (change.description() != null) {
			String shown = VergeosIdempotencyMarker.strip(change.description());
			what.append((shown != null) ? ", described as '" + shown + "'" : ", without a description");
		}
		Long expires = change.expires();
		if (expires != null) {
			what.append(
					(expires == 0) ? ", kept until it is deleted" : ", kept until " + Instant.ofEpochSecond(expires));
			if (isLocked(row)) {
				preview.passed("LOCK_KEPT", "It is immutable and " + row.immutableStatus()
						+ "; the new expiry is no earlier than the one it has");
			}
			else if (earlier(expires, currentExpiry(row))) {
				preview.warn("It will expire sooner than it was to: VergeOS removes it at "
						+ Instant.ofEpochSecond(expires) + " instead of " + describe(currentExpiry(row)));
			}
		}
		return preview.action(Preview.Change.UPDATE, "SNAPSHOT", ref.toString(), name, null, what.toString()).build();
	}

	/** Everything the update checks, from one read of the row. */
	private Planned plan(String nativeId, SnapshotChanges changes) {
		if (changes.name() != null) {
			throw InvalidRequestException.unsupported("name", "VergeOS keeps a cloud snapshot's name for good");
		}
		VergeosCloudSnapshotRow row = this.client.cloudSnapshot(nativeId)
			.orElseThrow(() -> VergeosErrors.snapshotNotFound(nativeId));
		VergeosCloudSnapshotChange change = VergeosCloudSnapshotChange.describe(description(row, changes));
		Long expires = expires(row, changes);
		if (expires != null) {
			checkLock(nativeId, row, expires);
			change = change.expiring(expires);
		}
		return new Planned(row, change);
	}

	/** The description to send, ending with the row's marker; {@code null} for none. */
	private static @Nullable String description(VergeosCloudSnapshotRow row, SnapshotChanges changes) {
		String given = changes.description();
		if (given == null) {
			return null;
		}
		String description = VergeosIdempotencyMarker.in(row.description())
			.map((marker) -> marker.appendTo(given))
			.orElse(given);
		if (description.length() > MAX_DESCRIPTION) {
			throw InvalidRequestException.field("description", "too long for VergeOS");
		}
		return description;
	}

	/**
	 * The expiry to send in epoch seconds, {@code 0} for never; {@code null} for none.
	 */
	private @Nullable Long expires(VergeosCloudSnapshotRow row, SnapshotChanges changes) {
		if (changes.neverExpire()) {
			return 0L;
		}
		if (changes.retention() == null) {
			return null;
		}
		if (row.created() == null || row.created() <= 0) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"VergeOS answered the snapshot without the time it was taken");
		}
		Instant taken = Instant.ofEpochSecond(row.created());
		Instant expiresAt = taken.plus(changes.retention());
		if (!expiresAt.isAfter(this.clock.instant())) {
			throw InvalidRequestException.field("retention",
					"counts from when the snapshot was taken (" + taken + "), so it would have ended at " + expiresAt
							+ ", and VergeOS would remove the snapshot; give a "
							+ "longer one, or delete the snapshot");
		}
		return expiresAt.getEpochSecond();
	}

	private static void checkLock(String nativeId, VergeosCloudSnapshotRow row, long expires) {
		if (!isLocked(row)) {
			return;
		}
		Instant lockExpiresAt = VergeosSnapshotMapper.epoch(row.immutableLockExpires());
		long current = currentExpiry(row);
		if (earlier(expires, current)) {
			throw new ConflictException(ErrorCode.SNAPSHOT_LOCKED, "Snapshot " + nativeId + " is immutable and "
					+ row.immutableStatus() + ": its expiry can be put later, never earlier than " + describe(current),
					lockExpiresAt);
		}
		if (VergeosSnapshotMapper.UNLOCKING.equals(row.immutableStatus()) && lockExpiresAt != null
				&& earlier(expires, lockExpiresAt.getEpochSecond())) {
			throw new ConflictException(
					ErrorCode.SNAPSHOT_LOCKED, "Snapshot " + nativeId
							+ " is being unlocked: it cannot expire before its lock ends at " + lockExpiresAt,
					lockExpiresAt);
		}
	}

	/**
	 * Whether VergeOS holds the snapshot's data by its lock: immutable and
	 * {@code locked}, or {@code unlocking}.
	 */
	private static boolean isLocked(VergeosCloudSnapshotRow row) {
		return VergeosSnapshotMapper.LOCKED.equals(row.immutableStatus())
				|| VergeosSnapshotMapper.UNLOCKING.equals(row.immutableStatus());
	}

	/** The row's expiry; one VergeOS did not give counts as never, the safe side. */
	private static long currentExpiry(VergeosCloudSnapshotRow row) {
		return (row.expires() != null) ? row.expires() : 0;
	}

	/** Whether expiry {@code a} comes before {@code b}, where {@code 0} is never. */
	private static boolean earlier(long a, long b) {
		return a != 0 && (b == 0 || a < b);
	}

	private static String describe(long expires) {
		return (expires == 0) ? "never" : Instant.ofEpochSecond(expires).toString();
	}

	/**
	 * An update as checked before it is sent.
	 *
	 * @param row the snapshot as read
	 * @param change what to send; empty to send nothing
	 */
	private record Planned(VergeosCloudSnapshotRow row, VergeosCloudSnapshotChange change) {
	}

}
