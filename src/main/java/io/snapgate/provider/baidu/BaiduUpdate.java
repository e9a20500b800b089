package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * rules), description and retention (whole days), only what is given. What SnapGate keeps
 * in a snapshot for itself stays: the marks at the end of a description (a safety
 * snapshot's request fingerprint and restore step) are carried over to the new one, and a
 * safety snapshot keeps its name, by which a repeated rollback finds it. Two things about
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

	/**
	 * SnapGate's own marks in a description: {@code [snapgate:...]} and
	 * {@code [snapgate-step:...]}.
	 */
	private static final Pattern MARK = Pattern.compile("\\[snapgate(?:-step)?:[^\\]\\s]*]");

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
			String shown = MARK.matcher(body.desc()).replaceAll("").strip();
			what.append(shown.isEmpty() ? ", without a description" : ", described as '" + shown + "'");
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
		if (name != null && name.startsWith(BaiduSafetySnapshots.NAME_PREFIX)) {
			throw InvalidRequestException.unsupported("name", "names starting with " + BaiduSafetySnapshots.NAME_PREFIX
					+ " are SnapGate's, for the snapshots it takes before a rollback");
		}
		Integer days = (changes.retention() != null) ? BaiduRetention.days("retention", changes.retention()) : null;
		BaiduSnapshotJson snapshot = this.client.findSnapshot(snapshotId).orElseThrow(() -> notFound(snapshotId));
		if (name != null && snapshot.name() != null && snapshot.name().startsWith(BaiduSafetySnapshots.NAME_PREFIX)) {
			throw InvalidRequestException.unsupported("name", "snapshot " + snapshotId + " is the safety snapshot "
					+ "SnapGate took before a rollback, and a repeat of that rollback finds it by its name");
		}
		String description = (changes.description() != null) ? withMarks(changes.description(), snapshot.desc()) : null;
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
		if (name == null && description == null && days == null) {
			return new Planned(snapshot, null, null);
		}
		return new Planned(snapshot, new ModifySnapshotBody(name, description, days), expiresAt);
	}

	/** The new description, followed by the marks SnapGate keeps in the old one. */
	private static String withMarks(String description, @Nullable String old) {
		List<String> marks = new ArrayList<>();
		Matcher matcher = MARK.matcher((old != null) ? old : "");
		while (matcher.find()) {
			marks.add(matcher.group());
		}
		if (marks.isEmpty()) {
			return description;
		}
		String kept = String.join(" ", marks);
		return description.isEmpty() ? kept : description + " " + kept;
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
