package io.snapgate.provider.baidu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.PolicyTarget;

/**
 * The disks a policy's targets stand for: a disk ({@code VOLUME}, {@code v-...}) is
 * itself, and an instance ({@code MACHINE}, {@code i-...}) is every disk attached to it
 * now, its system disk and its CDS disks, since BCC attaches disks to a policy, not
 * instances. A disk attached to the instance later does not join the policy by itself.
 */
final class BaiduPolicyDisks {

	private final BaiduRules rules;

	private final BaiduMachines machines;

	BaiduPolicyDisks(BaiduRules rules, BaiduMachines machines) {
		this.rules = rules;
		this.machines = machines;
	}

	/**
	 * Every disk the targets name, each once, read and checked as BCC attaches it (in
	 * use, on an instance).
	 * @throws InvalidRequestException naming {@code targets[i]} for a target BCC cannot
	 * attach
	 */
	List<BaiduVolumeJson> attachable(List<PolicyTarget> targets) {
		checkShapes(targets);
		Map<String, BaiduVolumeJson> disks = new LinkedHashMap<>();
		for (PolicyTarget target : targets) {
			String id = String.valueOf(target.id());
			if (target.type() == PolicyTarget.Type.VOLUME) {
				disks.putIfAbsent(id, this.rules.requireAttachable(id));
				continue;
			}
			for (BaiduVolumeJson disk : this.machines.read(id).disks()) {
				this.rules.checkAttachable(disk);
				disks.putIfAbsent(String.valueOf(disk.id()), disk);
			}
		}
		return List.copyOf(disks.values());
	}

	/**
	 * The disks of the policy a detach names: the disk, or every disk of the instance
	 * that is in the policy.
	 */
	List<BaiduVolumeJson> inPolicy(String nativeId, String targetId) {
		if (BaiduIds.isVolumeId(targetId)) {
			BaiduVolumeJson volume = this.rules.requireVolume(targetId);
			if (!nativeId.equals(volume.policyId())) {
				throw BaiduPolicies.notATarget(nativeId, targetId);
			}
			return List.of(volume);
		}
		if (!BaiduIds.isInstanceId(targetId)) {
			throw BaiduPolicies.noSuchTarget(nativeId, targetId);
		}
		List<BaiduVolumeJson> found = new ArrayList<>();
		for (BaiduVolumeJson disk : this.machines.read(targetId).disks()) {
			if (nativeId.equals(disk.policyId())) {
				found.add(disk);
			}
		}
		if (found.isEmpty()) {
			throw BaiduPolicies.notATarget(nativeId, targetId);
		}
		return found;
	}

	/**
	 * The targets are of shapes BCC takes, checked before anything is read.
	 */
	static void checkShapes(List<PolicyTarget> targets) {
		for (int i = 0; i < targets.size(); i++) {
			PolicyTarget target = targets.get(i);
			switch (target.type()) {
				case VOLUME -> {
					if (!BaiduIds.isVolumeId(target.id())) {
						throw InvalidRequestException.field("targets[" + i + "].id",
								"name a Baidu disk by its volume id (v-...)");
					}
				}
				case MACHINE -> {
					if (!BaiduIds.isInstanceId(target.id())) {
						throw InvalidRequestException.field("targets[" + i + "].id",
								"name a Baidu instance by its id (i-...)");
					}
				}
				case SYSTEM -> throw InvalidRequestException.unsupported("targets[" + i + "].type",
						"Baidu attaches disks to a policy, not a whole system: name each disk as a VOLUME target, or "
								+ "an instance as a MACHINE target for all its disks");
			}
		}
	}

}
