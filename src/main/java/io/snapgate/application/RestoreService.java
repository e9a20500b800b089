package io.snapgate.application;

import java.util.List;
import java.util.Set;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
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

	private final ProviderRegistry registry;

	private final SnapshotLocator locator;

	private final AuditLog audit;

	public RestoreService(ProviderRegistry registry, SnapshotLocator locator, AuditLog audit) {
		this.registry = registry;
		this.locator = locator;
		this.audit = audit;
	}

	public StartedRestore start(NewRestore request) {
		SnapshotProvider provider = this.locator.locate(request.snapshot());
		RestoreTarget target = resolveTarget(request, provider);
		if (!provider.capabilities().contains(target.requiredCapability())) {
			throw InvalidRequestException.unsupported("target.type", "provider " + provider.id() + " cannot restore a "
					+ request.targetType() + " (it is of type " + provider.type() + ")");
		}
		if (target.mode() == RestoreMode.IN_PLACE) {
			if (request.newName() != null) {
				throw InvalidRequestException.unsupported("newName", "an in-place restore keeps the disk's name");
			}
			if (!request.confirmInPlace()) {
				throw new InvalidRequestException(ErrorCode.CONFIRMATION_REQUIRED,
						"Rolling back in place destroys the disk's current data; send \"confirmInPlace\": true to proceed",
						FieldError.of("confirmInPlace", "must be true for an in-place restore"));
			}
		}
		RestoreCommand command = new RestoreCommand(request.snapshot().nativeId(), target, request.newName());
		Restore restore = this.audit.record("restore", provider.id().value(),
				request.snapshot() + " " + request.targetType() + " " + target.mode(), () -> provider.restore(command));
		return new StartedRestore(provider.id(), restore);
	}

	public Restore status(ProviderId providerId, RestoreHandle handle) {
		SnapshotProvider provider = this.registry.find(providerId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.RESTORE_NOT_FOUND,
					"The restore's provider '" + providerId + "' is no longer configured"));
		return provider.restoreStatus(handle);
	}

	private static RestoreTarget resolveTarget(NewRestore request, SnapshotProvider provider) {
		MemberType memberType = request.targetType().memberType();
		if (memberType == null) {
			if (request.member() != null) {
				throw InvalidRequestException.unsupported("target.member", "a volume restore names no member");
			}
			return new RestoreTarget.VolumeTarget();
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
