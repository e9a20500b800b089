package io.snapgate.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.snapgate.application.MemberIds;
import io.snapgate.application.SnapshotView;
import io.snapgate.domain.MachineSource;
import io.snapgate.domain.Member;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotSource;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.VolumeSource;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot as the API shows it.
 */
@Schema(name = "Snapshot", description = "A snapshot on any provider")
public record SnapshotResource(
		@Schema(example = "vergeos-prod:12", maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH) String id,
		@Schema(example = "vergeos-prod", maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) String provider,
		@Schema(example = "vergeos") String providerType,
		@Schema(example = "12", maxLength = SnapshotRef.MAX_NATIVE_ID_LENGTH) String nativeId,
		@Schema(example = "Daily_20261122") String name, @Nullable String description, Scope scope,
		@Nullable SourceResource source, SnapshotStatus status,
		@Schema(description = "The upstream's own status word", example = "normal") String providerStatus,
		Instant createdAt, @Schema(description = "null: never expires") @Nullable Instant expiresAt,
		@Nullable Integer sizeGb, boolean immutable,
		@Schema(description = "Immutable and currently locked: cannot be deleted") boolean locked,
		@Nullable Instant lockExpiresAt,
		@Schema(description = "On GET by id, or with include=members") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<MemberResource> members,
		@Schema(description = "Provider-specific extras, documented per provider") Map<String, String> attributes,
		@Schema(description = "The policy that made it, where the upstream records it", example = "vergeos-prod:3",
				maxLength = Patterns.POLICY_ID_MAX_LENGTH) @Nullable String policy,
		@Schema(description = "The snapshot this one is a copy of, where the backend lets SnapGate know: a Baidu "
				+ "copy made through SnapGate names its source; VergeOS keeps no such link at the receiving site",
				example = "baidu-bj:s-a1", maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH) @Nullable String copyOf) {

	static SnapshotResource of(SnapshotView view) {
		Snapshot s = view.snapshot();
		List<MemberResource> members = (view.members() != null)
				? view.members().stream().map((m) -> MemberResource.of(s.ref(), m)).toList() : null;
		return new SnapshotResource(s.ref().toString(), s.provider().value(), s.providerType().value(), s.nativeId(),
				s.name(), s.description(), s.scope(), SourceResource.of(s.source()), s.status(), s.providerStatus(),
				s.createdAt(), s.expiresAt(), s.sizeGb(), s.immutable(), s.locked(), s.lockExpiresAt(), members,
				s.attributes(), (s.policy() != null) ? s.provider().value() + ":" + s.policy() : null,
				(s.copyOf() != null) ? s.copyOf().toString() : null);
	}

	/**
	 * What a snapshot was taken of: the disk of a volume snapshot, or the machine of a
	 * machine snapshot; none for a system snapshot.
	 */
	@Schema(name = "SnapshotSource")
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record SourceResource(
			@Schema(description = "VOLUME: the disk", example = "v-x1") @Nullable String volumeId,
			@Schema(description = "VOLUME: the kind of disk", allowableValues = { "SYSTEM", "CDS" }) @Nullable String diskType,
			@Schema(description = "VOLUME: the instance the disk belongs to, when known", example = "i-9") @Nullable String instanceId,
			@Schema(description = "MACHINE: the machine's id (a VM's key, an instance's id)", example = "i-9") @Nullable String machine,
			@Schema(description = "MACHINE: the machine's name, when known", example = "web-01") @Nullable String machineName,
			@Schema(description = "MACHINE: the disks the snapshot holds, where the provider keeps them apart") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<DiskResource> disks) {
	// @formatter:on

		static @Nullable SourceResource of(@Nullable SnapshotSource source) {
			return switch (source) {
				case null -> null;
				case VolumeSource volume -> new SourceResource(volume.volumeId(), volume.diskType().name(),
						volume.instanceId(), null, null, null);
				case MachineSource machine -> new SourceResource(null, null, null, machine.machine(), machine.name(),
						machine.disks().stream().map(DiskResource::of).toList());
			};
		}

	}

	/**
	 * One disk of a machine snapshot.
	 */
	@Schema(name = "MachineDisk")
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record DiskResource(@Schema(example = "v-x1") String volumeId,
			@Schema(allowableValues = { "SYSTEM", "CDS" }) String diskType,
			@Schema(description = "The disk's own snapshot, where it has one", example = "s-d1") @Nullable String snapshotId,
			@Nullable SnapshotStatus status) {
	// @formatter:on

		static DiskResource of(MachineSource.MachineDisk disk) {
			return new DiskResource(disk.volumeId(), disk.diskType().name(), disk.snapshotId(), disk.status());
		}

	}

	/**
	 * A VM or tenant captured in a system snapshot.
	 */
	@Schema(name = "Member")
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record MemberResource(@Schema(allowableValues = { "VM", "TENANT" }) String type,
			@Schema(example = "vergeos-prod:12:vm:41") String id, @Schema(example = "web-01") String name) {
	// @formatter:on

		static MemberResource of(SnapshotRef snapshot, Member member) {
			return new MemberResource(member.type().name(), MemberIds.of(snapshot, member), member.name());
		}

	}

}
