package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import org.jspecify.annotations.Nullable;

/**
 * Recovers a VM or tenant of a cloud snapshot as a new copy, and tells how the recovery
 * goes from the member row alone: the handle carries the rest (see
 * {@link VergeosRestoreHandle}).
 */
final class VergeosRestores {

	private final VergeosClient client;

	private final Clock clock;

	VergeosRestores(VergeosClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	Restore restore(RestoreCommand command) {
		if (!(command.target() instanceof RestoreTarget.MemberTarget target)) {
			throw InvalidRequestException.unsupported("target.type", "VergeOS restores VMs and tenants as new copies");
		}
		if (!VergeosLimits.isKey(target.member())) {
			throw new NotFoundException(ErrorCode.MEMBER_NOT_FOUND, "No such VM or tenant in the snapshot");
		}
		String newName = command.newName();
		if (newName != null) {
			VergeosLimits.checkName("newName", newName);
		}
		Instant startedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RestoreHandle handle = new VergeosRestoreHandle(target.type(), target.member(), command.snapshotNativeId(),
				startedAt, newName)
			.encode();
		this.client.recover(VergeosMemberTable.of(target.type()), Long.parseLong(target.member()), newName);
		return new Restore(handle, command.snapshotNativeId(), target, RestoreStatus.PENDING, "Recovery requested",
				startedAt, null, newName);
	}

	Restore status(RestoreHandle handle) {
		VergeosRestoreHandle decoded = VergeosRestoreHandle.decode(handle);
		VergeosMemberTable<?> table = VergeosMemberTable.of(decoded.type());
		VergeosMemberRow row = this.client.member(table, decoded.memberKey())
			.filter((member) -> member.cloudSnapshot() == null || member.cloudSnapshot().equals(decoded.snapshotKey()))
			.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND,
					"The restore's " + decoded.type() + " is no longer in snapshot " + decoded.snapshotKey()));
		RestoreStatus status = VergeosSnapshotMapper.restoreStatus(row.status());
		String restoredName = (decoded.newName() != null) ? decoded.newName() : restoredNameOf(row.statusInfo());
		return new Restore(handle, decoded.snapshotKey(),
				new RestoreTarget.MemberTarget(decoded.type(), decoded.memberKey()), status, detail(status),
				decoded.startedAt(), null, restoredName);
	}

	private static String detail(RestoreStatus status) {
		return switch (status) {
			case PENDING -> "Waiting for VergeOS to start the recovery";
			case RUNNING -> "VergeOS is importing the copy";
			case SUCCEEDED -> "The copy is recovered";
			case FAILED -> "VergeOS reported an error recovering the copy";
		};
	}

	/** VergeOS notes {@code Restored to: <name>} on the member row. */
	private static @Nullable String restoredNameOf(@Nullable String statusInfo) {
		String prefix = "Restored to: ";
		return (statusInfo != null && statusInfo.startsWith(prefix)) ? statusInfo.substring(prefix.length()).strip()
				: null;
	}

}
