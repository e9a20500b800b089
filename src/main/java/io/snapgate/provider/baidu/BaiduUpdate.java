package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Instant;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.baidu.BaiduReplies.ModifySnapshotBody;
import org.jspecify.annotations.Nullable;

/**
 * Changes a snapshot with {@code PUT /v2/snapshot/{id}?modifyAttribute}: its name (BCC's
 * rules), description and retention (whole days), only what is given. Two things about
 * BCC are unconfirmed, and handled so that neither can lose data:
 * <ul>
 * <li>whether {@code retentionInDays} {@code -1} keeps an existing snapshot for ever: it
 * is never sent, and keeping one for ever is refused on {@code neverExpire};</li>
 * <li>whether a new retention counts from the snapshot's creation or from now: one that
 * would already have run out, counted from the creation, is refused rather than sent (BCC
 * might remove the snapshot), and the expiry answered is the {@code expireTime} BCC shows
 * afterwards, whichever way it counted.</li>
 * </ul>
 */
final class BaiduUpdate {

	private final BaiduClient client;

	private final BaiduListing listing;

	private final Clock clock;

	BaiduUpdate(BaiduClient client, BaiduListing listing, Clock clock) {
		this.client = client;
		this.listing = listing;
		this.clock = clock;
	}

	Snapshot update(String snapshotId, SnapshotChanges changes) {
		Planned planned = plan(snapshotId, changes);
		if (planned.body() != null) {
			this.client.modifySnapshot(snapshotId, planned.body());
		}
		return this.listing.get(snapshotId).orElseThrow(() -> notFound(snapshotId));
	}

	Preview preview(SnapshotRef ref, SnapshotChanges changes) {
		Planned planned = plan(ref.nativeId(), changes);
		BaiduSnapshotJson snapshot = planned.snapshot();
		String name = (snapshot.name() != null) ? snapshot.name() : ref.nativeId();
		PreviewBuilder preview = new PreviewBuilder()
			.passed("SNAPSHOT_EXISTS", "Snapshot " + ref + " is '" + name + "'")
			.passed("REQUEST_VALID", "Baidu takes the name, the description and the retention");
		ModifySnapshotBody body = planned.body();
		if (body == null) {
			return preview.action(Preview.Change.NONE, "SNAPSHOT", ref.toString(), name, null, "Nothing to change")
				.build();
		}
		StringBuilder what = new StringBuilder("The snapshot of disk " + snapshot.volumeId() + " stays");
		if (body.snapshotName() != null) {
			what.append(", named '").append(body.snapshotName()).append("'");
		}
		if (body.desc() != null) {
			what.append(body.desc().isEmpty() ? ", without a description" : ", described as '" + body.desc() + "'");
		}
		if (body.retentionInDays() != null) {
			what.append(", kept ").append(body.retentionInDays()).append(" days");
			preview.unknown("RETENTION_START",
					"Whether BCC counts the " + body.retentionInDays()
							+ " days from when the snapshot was taken (until " + planned.expiresAt()
							+ ") or from now is unconfirmed; the answer shows the expireTime BCC sets");
		}
		return preview.action(Preview.Change.UPDATE, "SNAPSHOT", ref.toString(), name, null, what.toString()).build();
	}

	/** Everything the update checks, from one read of the snapshot. */
	private Planned plan(String snapshotId, SnapshotChanges changes) {
		if (changes.neverExpire()) {
			throw InvalidRequestException.unsupported("neverExpire",
					"whether Baidu keeps a snapshot that exists for ever when told so (retentionInDays -1) is "
							+ "unconfirmed, so SnapGate does not ask it to; give a retention of up to "
							+ BaiduRetention.MAX_DAYS + " days instead");
		}
		String name = changes.name();
		if (name != null && !BaiduIds.isSnapshotName(name)) {
			throw InvalidRequestException.field("name",
					"Baidu snapshot names are 1 to 65 letters, digits and underscores");
		}
		Integer days = (changes.retention() != null) ? BaiduRetention.days("retention", changes.retention()) : null;
		BaiduSnapshotJson snapshot = this.client.findSnapshot(snapshotId).orElseThrow(() -> notFound(snapshotId));
		Instant expiresAt = null;
		if (days != null) {
			Instant taken = BaiduSnapshotMapper.parseTime(snapshot.createTime());
			if (taken == null) {
				throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
						"Baidu answered snapshot " + snapshotId + " without a createTime SnapGate can read");
			}
			expiresAt = BaiduRetention.expiry(taken, days);
			if (!expiresAt.isAfter(this.clock.instant())) {
				throw InvalidRequestException.field("retention",
						"counted from when the snapshot was taken (" + taken + "), it would have ended at " + expiresAt
								+ ", and Baidu might remove the snapshot at once; give a longer one, or delete it");
			}
		}
		if (name == null && changes.description() == null && days == null) {
			return new Planned(snapshot, null, null);
		}
		return new Planned(snapshot, new ModifySnapshotBody(name, changes.description(), days), expiresAt);
	}

	private static NotFoundException notFound(String snapshotId) {
		return new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot " + snapshotId);
	}

	/**
	 * An update as checked before it is sent.
	 *
	 * @param snapshot the snapshot as read
	 * @param body what to send; {@code null} to send nothing
	 * @param expiresAt the expiry of the new retention counted from the snapshot's
	 * creation; {@code null} without one
	 */
	private record Planned(BaiduSnapshotJson snapshot, @Nullable ModifySnapshotBody body, @Nullable Instant expiresAt) {
	}

}
