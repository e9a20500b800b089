package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreStart;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import org.jspecify.annotations.Nullable;

/**
 * Recovers a VM or tenant of a cloud snapshot as a new copy, and tells how the recovery
 * goes from the member row alone: the handle carries the rest (see
 * {@link VergeosRestoreHandle}).
 * <p>
 * VergeOS takes no client token for a recovery, so a restore under an idempotency key is
 * recognised from what VergeOS keeps of it: the copy has a name fixed by the request (the
 * caller's {@code newName}, or one derived from the key), and the member row says it is
 * being or was recovered to that name. Such a restore is not recovered again. A copy name
 * that a VM or tenant already has, without the member row naming it, is refused with 409
 * {@code NAME_TAKEN} rather than made twice.
 */
final class VergeosRestores {

	private static final Set<String> RECOVERING = Set.of("importing", "complete", "error");

	private final VergeosClient client;

	private final Clock clock;

	VergeosRestores(VergeosClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	RestoreStart restore(RestoreCommand command) {
		Recovery recovery = plan(command);
		if (recovery.earlier() != null) {
			return RestoreStart.started(recovery.earlier());
		}
		Instant startedAt = (command.idempotency() != null) ? null
				: this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RestoreHandle handle = new VergeosRestoreHandle(recovery.target().type(), recovery.target().member(),
				command.snapshotNativeId(), startedAt, recovery.copyName())
			.encode();
		this.client.recover(recovery.table(), Long.parseLong(recovery.target().member()), recovery.copyName());
		return RestoreStart.started(new Restore(handle, command.snapshotNativeId(), recovery.target(),
				RestoreStatus.PENDING, "Recovery requested", startedAt, null, recovery.copyName()));
	}

	Preview preview(RestoreCommand command) {
		Recovery recovery = plan(command);
		PreviewBuilder preview = recovery.checks();
		String kind = recovery.target().type().name();
		Restore earlier = recovery.earlier();
		if (earlier != null) {
			return preview
				.action(Preview.Change.NONE, kind, null, earlier.restoredName(), null,
						"Nothing: the restore made under this Idempotency-Key is " + earlier.status())
				.build();
		}
		String name = recovery.copyName();
		return preview
			.action(Preview.Change.CREATE, kind, null, name, null,
					"A new " + kind + " recovered from snapshot " + command.snapshotNativeId()
							+ ((name != null) ? " named '" + name + "'"
									: ", named by VergeOS after the original with a copy suffix such as ' (1)'"))
			.warn("The copy runs beside the original " + kind
					+ " and may share its network addresses: check them before powering it on")
			.build();
	}

	Restore status(RestoreHandle handle) {
		VergeosRestoreHandle decoded = VergeosRestoreHandle.decode(handle);
		VergeosMemberTable<?> table = VergeosMemberTable.of(decoded.type());
		VergeosMemberRow row = this.client.member(table, decoded.memberKey())
			.filter((member) -> member.cloudSnapshot() == null || member.cloudSnapshot().equals(decoded.snapshotKey()))
			.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND,
					"The restore's " + decoded.type() + " is no longer in snapshot " + decoded.snapshotKey()));
		return restoreOf(handle, decoded, row);
	}

	/**
	 * Every check a recovery makes before it is sent, with reads only: the member and,
	 * where the copy's name is known, that no VM or tenant has it unless it is this very
	 * restore's.
	 */
	private Recovery plan(RestoreCommand command) {
		if (!(command.target() instanceof RestoreTarget.MemberTarget target)) {
			throw InvalidRequestException.unsupported("target.type", "VergeOS restores VMs and tenants as new copies");
		}
		if (!VergeosLimits.isKey(target.member())) {
			throw new NotFoundException(ErrorCode.MEMBER_NOT_FOUND, "No such VM or tenant in the snapshot");
		}
		if (command.newName() != null) {
			VergeosLimits.checkName("newName", command.newName());
		}
		VergeosMemberTable<?> table = VergeosMemberTable.of(target.type());
		VergeosMemberRow row = this.client.member(table, target.member())
			.filter((member) -> command.snapshotNativeId().equals(member.cloudSnapshot()))
			.orElseThrow(() -> new NotFoundException(ErrorCode.MEMBER_NOT_FOUND, "Snapshot "
					+ command.snapshotNativeId() + " contains no " + target.type() + " " + target.member()));
		String memberName = (row.name() != null) ? row.name() : target.member();
		PreviewBuilder checks = new PreviewBuilder().passed("MEMBER_IN_SNAPSHOT",
				"Snapshot " + command.snapshotNativeId() + " contains " + target.type() + " '" + memberName + "'");
		String copyName = (command.newName() != null) ? command.newName()
				: (command.idempotency() != null) ? VergeosCopyNames.keyed(memberName, command.idempotency()) : null;
		if (copyName == null) {
			return new Recovery(target, table, null, null, checks);
		}
		if (command.idempotency() != null && recoveredTo(row, copyName)) {
			VergeosRestoreHandle handle = new VergeosRestoreHandle(target.type(), target.member(),
					command.snapshotNativeId(), null, copyName);
			checks.passed("SAME_RESTORE", "This Idempotency-Key's restore to '" + copyName + "' was asked for already");
			return new Recovery(target, table, copyName, restoreOf(handle.encode(), handle, row), checks);
		}
		if (!this.client.copiesNamed(table, copyName).isEmpty()) {
			throw new ConflictException(ErrorCode.NAME_TAKEN,
					"A " + target.type() + " named '" + copyName + "' exists already; give the copy another newName"
							+ ((command.idempotency() != null) ? ". If this repeats a restore just asked for under the "
									+ "same Idempotency-Key, ask again in a few seconds: VergeOS notes the recovery on "
									+ "the snapshot's member a moment after it makes the copy" : ""));
		}
		checks.passed("NAME_FREE", "No " + target.type() + " is named '" + copyName + "'");
		return new Recovery(target, table, copyName, null, checks);
	}

	private Restore restoreOf(RestoreHandle handle, VergeosRestoreHandle decoded, VergeosMemberRow row) {
		RestoreStatus status = VergeosSnapshotMapper.restoreStatus(row.status());
		String restoredName = (decoded.newName() != null) ? decoded.newName() : restoredNameOf(row.statusInfo());
		String failure = (status == RestoreStatus.FAILED) ? ((row.statusInfo() != null && !row.statusInfo().isBlank())
				? row.statusInfo() : "VergeOS gave no reason") : null;
		return new Restore(handle, decoded.snapshotKey(),
				new RestoreTarget.MemberTarget(decoded.type(), decoded.memberKey()), status, detail(status),
				decoded.startedAt(), null, restoredName, null, null, failure);
	}

	/**
	 * Whether the member row says it is being or was recovered to this name: VergeOS
	 * notes {@code Restored to: <name>}, possibly with a counter after it.
	 */
	private static boolean recoveredTo(VergeosMemberRow row, String copyName) {
		String info = row.statusInfo();
		return row.status() != null && RECOVERING.contains(row.status()) && info != null
				&& (info.endsWith(" " + copyName) || info.contains(" " + copyName + " (")
						|| info.endsWith(":" + copyName));
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

	/**
	 * A recovery as checked before it is sent.
	 *
	 * @param copyName the copy's name, unless VergeOS is left to choose it
	 * @param earlier the restore already made under the same key, if any
	 */
	private record Recovery(RestoreTarget.MemberTarget target, VergeosMemberTable<?> table, @Nullable String copyName,
			@Nullable Restore earlier, PreviewBuilder checks) {
	}

}
