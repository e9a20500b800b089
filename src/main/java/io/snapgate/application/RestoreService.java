package io.snapgate.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreTarget;
import io.snapgate.domain.SnapshotProvider;
import org.jspecify.annotations.Nullable;

/**
 * The restore use cases: start one, and tell how one is going.
 */
public class RestoreService {

	private final ProviderAccess access;

	private final SnapshotLocator locator;

	private final AuditLog audit;

	private final RestoreFollower follower;

	private final Clock clock;

	public RestoreService(ProviderAccess access, SnapshotLocator locator, AuditLog audit, RestoreFollower follower,
			Clock clock) {
		this.access = access;
		this.locator = locator;
		this.audit = audit;
		this.follower = follower;
		this.clock = clock;
	}

	/**
	 * Starts a restore: its checks and its first write, and no more. A restore whose next
	 * step waits on the upstream is then followed by this replica, and taken on by any
	 * replica that reads it.
	 */
	public StartedRestore start(NewRestore request) {
		SnapshotProvider provider = this.locator.locate(request.snapshot(), ProviderScope.RESTORES_WRITE);
		RestoreCommand command = command(request, provider);
		Restore restore = this.audit.record("restore", provider.id().value(),
				request.snapshot() + " " + request.targetType() + " " + command.target().mode(),
				() -> provider.restore(command));
		this.follower.follow(provider, restore);
		return new StartedRestore(provider.id(), restore.seenAt(this.clock.instant()));
	}

	/**
	 * What {@link #start} would do, from reads alone; it fails where {@code start} would,
	 * with the same problem.
	 */
	public PreviewResult preview(NewRestore request) {
		SnapshotProvider provider = this.locator.locate(request.snapshot(), ProviderScope.RESTORES_WRITE);
		RestoreCommand command = command(request, provider);
		List<Preview.Check> checks = new ArrayList<>();
		checks.add(new Preview.Check("PROVIDER_CAN_RESTORE", Preview.Outcome.PASSED,
				"Provider " + provider.id() + " restores a " + request.targetType()));
		if (command.target().mode() == RestoreMode.IN_PLACE) {
			checks.add(new Preview.Check("IN_PLACE_CONFIRMED", Preview.Outcome.PASSED,
					"\"confirmInPlace\": true accepts that the disk's current data is overwritten"));
		}
		return new PreviewResult(provider.id(), provider.previewRestore(command).afterChecks(checks));
	}

	/**
	 * How a restore is going, read from the provider its id names: whoever started it,
	 * the caller needs {@code snapshots:read} there, and a provider the caller does not
	 * see answers as one that is not configured.
	 */
	public Restore status(ProviderId providerId, RestoreHandle handle) {
		SnapshotProvider provider = this.access.find(providerId, ProviderScope.SNAPSHOTS_READ)
			.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND,
					"The restore's provider '" + providerId + "' is no longer configured"));
		return provider.restoreStatus(handle).seenAt(this.clock.instant());
	}

	/**
	 * The request checked and resolved as far as the gateway can without the upstream's
	 * own rules: the command the provider is given.
	 */
	private static RestoreCommand command(NewRestore request, SnapshotProvider provider) {
		RestoreTarget target = resolveTarget(request, provider);
		if (!provider.capabilities().contains(target.requiredCapability())) {
			throw InvalidRequestException.unsupported("target.type", "provider " + provider.id() + " cannot restore a "
					+ request.targetType() + " (it is of type " + provider.type() + ")");
		}
		if (target.mode() == RestoreMode.IN_PLACE) {
			if (request.newName() != null) {
				throw InvalidRequestException.unsupported("newName",
						"an in-place restore keeps the disk's or the machine's name");
			}
			if (!request.confirmInPlace()) {
				throw new InvalidRequestException(ErrorCode.CONFIRMATION_REQUIRED,
						"Rolling back in place destroys the disk's current data; send \"confirmInPlace\": true to proceed",
						FieldError.of("confirmInPlace", "must be true for an in-place restore"));
			}
		}
		else if (request.safetySnapshot() != null) {
			throw InvalidRequestException.unsupported("safetySnapshot",
					"a copy overwrites nothing; only an in-place rollback takes a safety snapshot");
		}
		IdempotencyKey idempotency = (request.idempotencyKey() != null)
				? new IdempotencyKey(request.idempotencyKey(), IdempotencyKey.sha256Hex(request.canonicalForm()))
				: null;
		return new RestoreCommand(request.snapshot().nativeId(), target, request.newName(),
				request.takesSafetySnapshot(), idempotency);
	}

	private static RestoreTarget resolveTarget(NewRestore request, SnapshotProvider provider) {
		MemberType memberType = request.targetType().memberType();
		if (memberType == null) {
			if (request.member() != null) {
				throw InvalidRequestException.unsupported("target.member",
						"a " + request.targetType() + " restore names no member");
			}
			return (request.targetType() == RestoreTargetType.MACHINE) ? machineTarget(request)
					: new RestoreTarget.VolumeTarget();
		}
		if (request.member() == null) {
			throw InvalidRequestException.field("target.member", "name the " + memberType + " to restore");
		}
		if (!provider.capabilities().contains(memberType.restoreCapability())) {
			return new RestoreTarget.MemberTarget(memberType, request.member());
		}
		Member member = findMember(provider.members(request.snapshot().nativeId(), Set.of(memberType)), memberType,
				request);
		return new RestoreTarget.MemberTarget(memberType, member.nativeId());
	}

	/**
	 * A machine comes back beside the original under {@code newName}, or in place with
	 * {@code confirmInPlace}: the request must say which.
	 */
	private static RestoreTarget machineTarget(NewRestore request) {
		if (request.confirmInPlace()) {
			return new RestoreTarget.MachineTarget(RestoreMode.IN_PLACE);
		}
		if (request.newName() == null) {
			throw new InvalidRequestException(ErrorCode.VALIDATION_FAILED,
					"Say how the machine comes back: as a new machine beside the original, or in place",
					FieldError.of("newName", "give newName to restore the machine as a new one, or send "
							+ "\"confirmInPlace\": true to revert it in place"));
		}
		return new RestoreTarget.MachineTarget(RestoreMode.NEW_COPY);
	}

	private static Member findMember(List<Member> members, MemberType type, NewRestore request) {
		String wanted = nativeMemberId(request);
		List<Member> byId = members.stream().filter((m) -> m.type() == type && m.nativeId().equals(wanted)).toList();
		if (byId.size() == 1) {
			return byId.getFirst();
		}
		List<Member> byName = members.stream()
			.filter((m) -> m.type() == type && m.name().equals(request.member()))
			.toList();
		if (byName.size() > 1) {
			throw InvalidRequestException.field("target.member",
					"several " + type + "s are named '" + request.member() + "'; use the member id");
		}
		if (byName.isEmpty()) {
			throw new NotFoundException(ErrorCode.MEMBER_NOT_FOUND,
					"Snapshot " + request.snapshot() + " contains no " + type + " '" + request.member() + "'");
		}
		return byName.getFirst();
	}

	/**
	 * A member id as the API shows it is {@code <snapshotId>:<vm|tenant>:<nativeId>}; a
	 * bare native id works too.
	 */
	private static @Nullable String nativeMemberId(NewRestore request) {
		String member = request.member();
		String prefix = MemberIds.prefix(request.snapshot(), request.targetType().memberType());
		return (member != null && member.startsWith(prefix)) ? member.substring(prefix.length()) : member;
	}

}
