package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreSettings;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.provider.StepClaim;
import io.snapgate.provider.StepMark;
import io.snapgate.provider.vergeos.VergeosRestoreLedger.Entry;
import org.jspecify.annotations.Nullable;

/**
 * Recovers a VM or tenant of a cloud snapshot as a new copy, and tells how the recovery
 * goes from the member row: the handle carries the rest (see
 * {@link VergeosRestoreHandle}).
 * <p>
 * VergeOS takes no client token for a recovery, so a restore under an idempotency key is
 * written down first in the {@link VergeosRestoreLedger ledger}, whose unique entry makes
 * one of several replicas the one that sends the recovery, and tells a repeat of the
 * request (the same restore, nothing sent) from another request under the same key (422).
 * The copy's name is fixed by the request (the caller's {@code newName}, or one derived
 * from the key), and the member row notes the recovery to that name. A replica that
 * stopped between its entry and the recovery leaves an entry not marked sent: the next
 * read of the restore sends the recovery, unless VergeOS shows it was sent, or the
 * restore is past {@link RestoreSettings#stepDeadline()}.
 */
final class VergeosRestores {

	private static final Set<String> RECOVERING = Set.of("importing", "complete", "error");

	private final VergeosClient client;

	private final VergeosRestoreLedger ledger;

	private final RestoreSettings settings;

	private final StepClaim claim;

	private final Clock clock;

	VergeosRestores(ProviderId provider, VergeosClient client, RestoreSettings settings, Clock clock) {
		this.client = client;
		this.ledger = new VergeosRestoreLedger(provider, client);
		this.settings = settings;
		this.claim = new StepClaim(settings.claimSettle(), clock);
		this.clock = clock;
	}

	Restore restore(RestoreCommand command) {
		Recovery recovery = plan(command);
		if (recovery.earlier() != null) {
			return recovery.earlier();
		}
		IdempotencyKey key = command.idempotency();
		if (key == null) {
			Instant startedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			RestoreHandle handle = new VergeosRestoreHandle(recovery.target().type(), recovery.target().member(),
					command.snapshotNativeId(), startedAt, recovery.copyName(), null)
				.encode();
			recover(recovery);
			return pending(handle, command, recovery, startedAt);
		}
		RestoreHandle handle = Objects.requireNonNull(recovery.handle(), "a keyed restore has its handle");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Optional<Entry> made = this.ledger.openOnce(key, now);
		if (made.isEmpty()) {
			// an identical call under this key wrote its entry first
			return status(handle);
		}
		this.ledger.sweep(now);
		recover(recovery);
		this.ledger.markSent(made.get(), this.clock.instant());
		return pending(handle, command, recovery, now);
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
		if (command.idempotency() != null) {
			preview.passed("NEW_KEY", "No restore was asked for under this Idempotency-Key; one is recorded in "
					+ "VergeOS (snapshot profile " + VergeosRestoreLedger.PREFIX + "…, deleted after a day)");
		}
		return preview
			.action(Preview.Change.CREATE, kind, null, name, null,
					"A new " + kind + " recovered from snapshot " + command.snapshotNativeId()
							+ ((name != null) ? " named '" + name + "'"
									: ", named by VergeOS after the original with a copy suffix such as ' (1)'"))
			.warn("The copy runs beside the original " + kind
					+ " and may share its network addresses: check them before powering it on")
			.build();
	}

	/** How the restore goes, after its recovery is sent if it is due. */
	Restore status(RestoreHandle handle) {
		VergeosRestoreHandle decoded = VergeosRestoreHandle.decode(handle);
		VergeosMemberTable<?> table = VergeosMemberTable.of(decoded.type());
		VergeosMemberRow row = this.client.member(table, decoded.memberKey())
			.filter((member) -> member.cloudSnapshot() == null || member.cloudSnapshot().equals(decoded.snapshotKey()))
			.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND,
					"The restore's " + decoded.type() + " is no longer in snapshot " + decoded.snapshotKey()));
		String token = decoded.ledgerToken();
		String copyName = decoded.newName();
		if (token == null || copyName == null || recoveredTo(row, copyName)) {
			return restoreOf(handle, decoded, row, null);
		}
		Optional<Entry> entry = this.ledger.find(token);
		if (entry.isEmpty()) {
			return failed(handle, decoded, "VergeOS shows no recovery to '" + copyName + "', and the record of the "
					+ "restore is gone (SnapGate keeps it for a day)");
		}
		return recordedStatus(handle, decoded, table, entry.get());
	}

	/**
	 * A keyed restore that VergeOS has not noted on the member row: its ledger entry
	 * tells whether the recovery was sent, and the recovery is sent now if it is due.
	 */
	private Restore recordedStatus(RestoreHandle handle, VergeosRestoreHandle decoded, VergeosMemberTable<?> table,
			Entry entry) {
		Instant now = this.clock.instant();
		String copyName = String.valueOf(decoded.newName());
		boolean pastDeadline = now.isAfter(entry.askedAt().plus(this.settings.stepDeadline()));
		StepMark step = entry.step();
		if (step != null && step.sent()) {
			return now.isAfter(step.at().plus(this.settings.stepDeadline()))
					? failed(handle, decoded,
							"VergeOS never noted the recovery to '" + copyName + "' sent at " + step.at())
					: pending(handle, decoded, entry.askedAt(), "Recovery sent; waiting for VergeOS to start it");
		}
		Instant since = (step != null) ? step.at() : entry.askedAt();
		if (now.isBefore(since.plus(this.settings.claimLease()))) {
			return pending(handle, decoded, entry.askedAt(), "Sending the recovery");
		}
		if (!this.client.copiesNamed(table, copyName).isEmpty()) {
			// the copy exists, so the recovery reached VergeOS before its sender stopped
			this.ledger.markSent(entry, since);
			return pending(handle, decoded, entry.askedAt(), "Recovery sent; waiting for VergeOS to note it");
		}
		if (pastDeadline) {
			return failed(handle, decoded, "SnapGate stopped before it sent the recovery, so nothing was restored; "
					+ "ask again with a new Idempotency-Key");
		}
		if (!this.claim.claim(() -> this.ledger.description(entry), (text) -> this.ledger.describe(entry, text))) {
			return pending(handle, decoded, entry.askedAt(), "Sending the recovery");
		}
		this.client.recover(table, Long.parseLong(decoded.memberKey()), copyName);
		this.ledger.markSent(entry, this.clock.instant());
		return pending(handle, decoded, entry.askedAt(), "Recovery requested");
	}

	/**
	 * Every check a recovery makes before it is sent, with reads only: the member and,
	 * where the copy's name is known, that no VM or tenant has it unless it is this very
	 * restore's; under a key, the key's ledger entry first.
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
		IdempotencyKey key = command.idempotency();
		VergeosMemberTable<?> table = VergeosMemberTable.of(target.type());
		VergeosMemberRow row = this.client.member(table, target.member())
			.filter((member) -> command.snapshotNativeId().equals(member.cloudSnapshot()))
			.orElseThrow(() -> new NotFoundException(ErrorCode.MEMBER_NOT_FOUND, "Snapshot "
					+ command.snapshotNativeId() + " contains no " + target.type() + " " + target.member()));
		String memberName = (row.name() != null) ? row.name() : target.member();
		PreviewBuilder checks = new PreviewBuilder().passed("MEMBER_IN_SNAPSHOT",
				"Snapshot " + command.snapshotNativeId() + " contains " + target.type() + " '" + memberName + "'");
		String copyName = (command.newName() != null) ? command.newName()
				: (key != null) ? VergeosCopyNames.keyed(memberName, key) : null;
		RestoreHandle handle = null;
		if (key != null) {
			handle = new VergeosRestoreHandle(target.type(), target.member(), command.snapshotNativeId(), null,
					copyName, this.ledger.token(key))
				.encode();
			Optional<Recovery> earlier = earlier(key, target, table, copyName, handle, checks);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		if (copyName == null) {
			return new Recovery(target, table, null, null, null, checks);
		}
		if (!this.client.copiesNamed(table, copyName).isEmpty()) {
			// a twin under the same key may have made its entry and the copy since this
			// one
			// looked: then the copy is this request's own
			Optional<Recovery> twin = (key != null && handle != null)
					? earlier(key, target, table, copyName, handle, checks) : Optional.empty();
			if (twin.isPresent()) {
				return twin.get();
			}
			throw new ConflictException(ErrorCode.NAME_TAKEN,
					"A " + target.type() + " named '" + copyName + "' exists already; give the copy another newName");
		}
		checks.passed("NAME_FREE", "No " + target.type() + " is named '" + copyName + "'");
		return new Recovery(target, table, copyName, handle, null, checks);
	}

	/**
	 * The restore this key asked for already, if its entry exists.
	 * @throws IdempotencyKeyReusedException when the key asked for another
	 */
	private Optional<Recovery> earlier(IdempotencyKey key, RestoreTarget.MemberTarget target,
			VergeosMemberTable<?> table, @Nullable String copyName, RestoreHandle handle, PreviewBuilder checks) {
		Optional<Entry> entry = this.ledger.find(key);
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		if (!this.ledger.isSameRequest(entry.get(), key)) {
			throw new IdempotencyKeyReusedException();
		}
		checks.passed("SAME_RESTORE", "This Idempotency-Key's restore was asked for already");
		return Optional.of(new Recovery(target, table, copyName, handle, status(handle), checks));
	}

	private void recover(Recovery recovery) {
		this.client.recover(recovery.table(), Long.parseLong(recovery.target().member()), recovery.copyName());
	}

	private Restore restoreOf(RestoreHandle handle, VergeosRestoreHandle decoded, VergeosMemberRow row,
			@Nullable Instant startedAt) {
		RestoreStatus status = VergeosSnapshotMapper.restoreStatus(row.status());
		String restoredName = (decoded.newName() != null) ? decoded.newName() : restoredNameOf(row.statusInfo());
		String failure = (status == RestoreStatus.FAILED) ? ((row.statusInfo() != null && !row.statusInfo().isBlank())
				? row.statusInfo() : "VergeOS gave no reason") : null;
		return new Restore(handle, decoded.snapshotKey(),
				new RestoreTarget.MemberTarget(decoded.type(), decoded.memberKey()), status, detail(status),
				(startedAt != null) ? startedAt : decoded.startedAt(), null, restoredName, null, null, failure);
	}

	private static Restore pending(RestoreHandle handle, RestoreCommand command, Recovery recovery, Instant startedAt) {
		return new Restore(handle, command.snapshotNativeId(), recovery.target(), RestoreStatus.PENDING,
				"Recovery requested", startedAt, null, recovery.copyName());
	}

	private static Restore pending(RestoreHandle handle, VergeosRestoreHandle decoded, Instant startedAt,
			String detail) {
		return new Restore(handle, decoded.snapshotKey(), target(decoded), RestoreStatus.PENDING, detail, startedAt,
				null, decoded.newName());
	}

	private static Restore failed(RestoreHandle handle, VergeosRestoreHandle decoded, String reason) {
		return new Restore(handle, decoded.snapshotKey(), target(decoded), RestoreStatus.FAILED, "Nothing was restored",
				decoded.startedAt(), null, decoded.newName(), null, null, reason);
	}

	private static RestoreTarget.MemberTarget target(VergeosRestoreHandle decoded) {
		return new RestoreTarget.MemberTarget(decoded.type(), decoded.memberKey());
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
	 * @param handle the restore's handle, for one under a key
	 * @param earlier the restore already made under the same key, if any
	 */
	private record Recovery(RestoreTarget.MemberTarget target, VergeosMemberTable<?> table, @Nullable String copyName,
			@Nullable RestoreHandle handle, @Nullable Restore earlier, PreviewBuilder checks) {
	}

}
