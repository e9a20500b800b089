package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.Member;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import org.jspecify.annotations.Nullable;

/**
 * Maps VergeOS rows to the neutral model.
 * <p>
 * Status: a row whose {@code task} is {@code running} is CREATING, one whose task reports
 * {@code error} is FAILED; otherwise {@code normal} and {@code held} are AVAILABLE and
 * any other word is UNAVAILABLE. Locked: immutable with {@code immutable_status}
 * {@code locked}, or being unlocked ({@code unlocking}) until
 * {@code immutable_lock_expires}, since VergeOS refuses to delete it until then either.
 * <p>
 * Policy: the snapshot profile that took it, when one did.
 * <p>
 * Attributes: {@code immutableStatus}, {@code private}, {@code remoteSync},
 * {@code statusInfo}, {@code snapshotProfile}, {@code snapshotPeriod}, {@code task}, each
 * only when VergeOS gave it.
 */
final class VergeosSnapshotMapper {

	static final String LOCKED = "locked";

	static final String UNLOCKING = "unlocking";

	private final ProviderId provider;

	VergeosSnapshotMapper(ProviderId provider) {
		this.provider = provider;
	}

	/**
	 * @param taskStatus the status of the row's task, when it has one that still exists
	 */
	Snapshot snapshot(VergeosCloudSnapshotRow row, @Nullable String taskStatus, Instant now) {
		String key = (row.key() != null) ? row.key() : "";
		boolean immutable = Boolean.TRUE.equals(row.immutable());
		Instant lockExpiresAt = epoch(row.immutableLockExpires());
		return new Snapshot(this.provider, VergeosSnapshotProvider.TYPE, key, (row.name() != null) ? row.name() : "",
				VergeosIdempotencyMarker.strip(row.description()), Scope.SYSTEM, null, status(row.status(), taskStatus),
				(row.status() != null) ? row.status() : "",
				(row.created() != null) ? Instant.ofEpochSecond(row.created()) : Instant.EPOCH, epoch(row.expires()),
				null, immutable, isLocked(row, now), lockExpiresAt, attributes(row), row.snapshotProfile());
	}

	/** The snapshot as asked for, while VergeOS does not show its row yet. */
	Snapshot provisional(String key, CreateSnapshot command, Instant now, long expires) {
		return new Snapshot(this.provider, VergeosSnapshotProvider.TYPE, key, command.name(), command.description(),
				Scope.SYSTEM, null, SnapshotStatus.CREATING, "", now, epoch(expires), null, command.immutable(), false,
				null, Map.of(), null);
	}

	static boolean isLocked(VergeosCloudSnapshotRow row, Instant now) {
		Instant lockExpiresAt = epoch(row.immutableLockExpires());
		return (Boolean.TRUE.equals(row.immutable()) && LOCKED.equals(row.immutableStatus()))
				|| (UNLOCKING.equals(row.immutableStatus()) && lockExpiresAt != null && lockExpiresAt.isAfter(now));
	}

	static SnapshotStatus status(@Nullable String status, @Nullable String taskStatus) {
		if ("running".equals(taskStatus)) {
			return SnapshotStatus.CREATING;
		}
		if ("error".equals(taskStatus)) {
			return SnapshotStatus.FAILED;
		}
		return ("normal".equals(status) || "held".equals(status)) ? SnapshotStatus.AVAILABLE
				: SnapshotStatus.UNAVAILABLE;
	}

	static RestoreStatus restoreStatus(@Nullable String memberStatus) {
		return switch ((memberStatus != null) ? memberStatus : "") {
			case "importing" -> RestoreStatus.RUNNING;
			case "complete" -> RestoreStatus.SUCCEEDED;
			case "error" -> RestoreStatus.FAILED;
			default -> RestoreStatus.PENDING;
		};
	}

	static Member member(VergeosMemberTable<?> table, VergeosMemberRow row) {
		return new Member(table.type(), String.valueOf(row.key()), (row.name() != null) ? row.name() : "");
	}

	/** {@code 0} and absent mean "never" or "not set". */
	static @Nullable Instant epoch(@Nullable Long seconds) {
		return (seconds != null && seconds > 0) ? Instant.ofEpochSecond(seconds) : null;
	}

	private static Map<String, String> attributes(VergeosCloudSnapshotRow row) {
		Map<String, String> attributes = new LinkedHashMap<>();
		putIfPresent(attributes, "immutableStatus", row.immutableStatus());
		putIfPresent(attributes, "private", row.privateSnapshot());
		putIfPresent(attributes, "remoteSync", row.remoteSync());
		putIfPresent(attributes, "statusInfo", row.statusInfo());
		putIfPresent(attributes, "snapshotProfile", row.snapshotProfile());
		putIfPresent(attributes, "snapshotPeriod", row.snapshotPeriod());
		putIfPresent(attributes, "task", row.task());
		return attributes;
	}

	private static void putIfPresent(Map<String, String> attributes, String name, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			attributes.put(name, value.toString());
		}
	}

}
