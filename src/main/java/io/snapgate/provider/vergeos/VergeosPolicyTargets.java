package io.snapgate.provider.vergeos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Gives a snapshot profile to VMs and takes it off: {@code PUT vms/<key>
 * {"snapshot_profile": <profile>}} (or {@code null}), each read back, since a VM keeps
 * its profile on its machine ({@code machine#snapshot_profile}) and that a write of the
 * VM reaches it is unconfirmed: a read-back that does not show it is a 502 naming
 * {@code snapshot_profile}. A VM has one profile at most, so a VM with another is refused
 * rather than moved. Every target is checked before the first write. The whole system's
 * profile is not set through the API (see {@link VergeosPolicies}), and VergeOS snapshots
 * no single disk.
 */
final class VergeosPolicyTargets {

	private final VergeosVmClient vms;

	private final VergeosMachines machines;

	private final VergeosPolicyListing listing;

	VergeosPolicyTargets(VergeosVmClient vms, VergeosMachines machines, VergeosPolicyListing listing) {
		this.vms = vms;
		this.machines = machines;
		this.listing = listing;
	}

	Policy attach(String nativeId, List<PolicyTarget> targets) {
		Map<String, VergeosVmRow> toAssign = checkAttach(nativeId, targets);
		for (VergeosVmRow vm : toAssign.values()) {
			assign(String.valueOf(vm.key()), Long.parseLong(nativeId));
		}
		return policy(nativeId);
	}

	Preview previewAttach(String nativeId, List<PolicyTarget> targets) {
		Map<String, VergeosVmRow> toAssign = checkAttach(nativeId, targets);
		Policy policy = policy(nativeId);
		PreviewBuilder preview = new PreviewBuilder().passed("POLICY_EXISTS",
				"Policy " + nativeId + " is VergeOS snapshot profile '" + policy.name() + "'");
		if (toAssign.isEmpty()) {
			return preview.action(Preview.Change.NONE, "MACHINE", null, null, null, "Every VM has the profile already")
				.build();
		}
		for (VergeosVmRow vm : toAssign.values()) {
			preview.action(Preview.Change.ATTACH, "MACHINE", vm.key(), vm.name(), null,
					"VM '" + vm.label() + "' takes the profile's snapshots from its next period on");
		}
		return preview.build();
	}

	Policy detach(String nativeId, String targetId) {
		VergeosVmRow vm = checkDetach(nativeId, targetId);
		assign(String.valueOf(vm.key()), null);
		return policy(nativeId);
	}

	Preview previewDetach(String nativeId, String targetId) {
		Policy policy = policy(nativeId);
		VergeosVmRow vm = checkDetach(nativeId, targetId);
		return new PreviewBuilder()
			.passed("POLICY_EXISTS", "Policy " + nativeId + " is VergeOS snapshot profile '" + policy.name() + "'")
			.action(Preview.Change.DETACH, "MACHINE", vm.key(), vm.name(), null,
					"VM '" + vm.label() + "' takes no more snapshots of this profile; those it took stay")
			.build();
	}

	/** The VMs to give the profile, by key; those that have it already are left out. */
	private Map<String, VergeosVmRow> checkAttach(String nativeId, List<PolicyTarget> targets) {
		if (targets.isEmpty()) {
			throw InvalidRequestException.field("targets", "name at least one VM");
		}
		for (int i = 0; i < targets.size(); i++) {
			if (targets.get(i).type() != PolicyTarget.Type.MACHINE) {
				try {
					VergeosPolicyPlanner.checkTargets(List.of(targets.get(i)));
				}
				catch (InvalidRequestException ex) {
					throw InvalidRequestException.unsupported("targets[" + i + "].type",
							ex.fieldErrors().getFirst().message());
				}
			}
		}
		policy(nativeId);
		Map<String, VergeosVmRow> toAssign = new LinkedHashMap<>();
		for (int i = 0; i < targets.size(); i++) {
			PolicyTarget target = targets.get(i);
			String field = "targets[" + i + "].id";
			if (target.id() == null || target.id().isBlank()) {
				throw InvalidRequestException.field(field, "name the VM, by its key or its name");
			}
			VergeosVmRow vm = this.machines.resolve(target.id(), field);
			String current = vm.snapshotProfile();
			if (current != null && !current.equals("0") && !current.equals(nativeId)) {
				throw InvalidRequestException.field(field, "VM '" + vm.label() + "' has VergeOS snapshot profile "
						+ current + " already, and a VM has one at most: detach it from policy " + current + " first");
			}
			if (!nativeId.equals(current)) {
				toAssign.putIfAbsent(String.valueOf(vm.key()), vm);
			}
		}
		return toAssign;
	}

	private VergeosVmRow checkDetach(String nativeId, String targetId) {
		policy(nativeId);
		VergeosVmRow vm = this.machines.byKey(targetId)
			.filter((row) -> nativeId.equals(row.snapshotProfile()))
			.orElseThrow(() -> new NotFoundException(ErrorCode.MACHINE_NOT_FOUND,
					"Policy " + nativeId + " has no VM " + targetId + " among its targets"));
		return vm;
	}

	/**
	 * Writes the VM's profile and reads it back.
	 * @throws UpstreamErrorException naming {@code snapshot_profile} when the read-back
	 * does not show what was written
	 */
	private void assign(String vmKey, @Nullable Long profile) {
		this.vms.changeProfile(vmKey, new VergeosVmProfileChange(profile));
		String shown = this.vms.vm(vmKey).map(VergeosVmRow::snapshotProfile).orElse(null);
		boolean kept = (profile == null) ? (shown == null || shown.equals("0"))
				: Objects.equals(shown, Long.toString(profile));
		if (!kept) {
			UpstreamErrorException error = new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"VergeOS accepted snapshot_profile " + ((profile != null) ? profile : "null") + " for VM " + vmKey
							+ " but shows " + shown + " when read back, so how a VM takes its profile is not what "
							+ "SnapGate knows");
			error.withUpstream(new UpstreamDetails(null, null, "field snapshot_profile=" + shown));
			throw error;
		}
	}

	private Policy policy(String nativeId) {
		return this.listing.get(nativeId).orElseThrow(() -> VergeosErrors.policyNotFound(nativeId));
	}

}
