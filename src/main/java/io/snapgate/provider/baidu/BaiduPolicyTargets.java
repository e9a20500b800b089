package io.snapgate.provider.baidu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.snapgate.domain.PolicyTarget;
import org.jspecify.annotations.Nullable;

/**
 * Which disks are attached to which policies. BCC's policy shows only how many
 * ({@code volumeCount}) and no call lists a policy's disks; each disk names its one
 * policy, so the account's disks are read and grouped. Only when some policy counts any
 * disks, and for at most {@link #MAX_PAGES} pages: a policy whose disks were not all
 * found says so with {@code targetsComplete=false}.
 */
final class BaiduPolicyTargets {

	/** Pages of disks read for one answer: ten thousand disks. */
	static final int MAX_PAGES = 10;

	private final BaiduClient client;

	private final BaiduDisks disks;

	BaiduPolicyTargets(BaiduClient client, BaiduDisks disks) {
		this.client = client;
		this.disks = disks;
	}

	/**
	 * @return the disks of each of the policies, by policy id, in the order of their ids;
	 * no entry for a policy with none
	 */
	Map<String, List<PolicyTarget>> of(Collection<BaiduAspJson> policies) {
		Map<String, List<PolicyTarget>> targets = new HashMap<>();
		volumesOf(policies).forEach((policyId, volumes) -> targets.put(policyId,
				volumes.stream().map((volume) -> PolicyTarget.volume(String.valueOf(volume.id()))).toList()));
		return targets;
	}

	/**
	 * @return the disks of each of the policies as BCC lists them, by policy id, in the
	 * order of their ids; no entry for a policy with none
	 */
	Map<String, List<BaiduVolumeJson>> volumesOf(Collection<BaiduAspJson> policies) {
		Set<String> wanted = new HashSet<>();
		for (BaiduAspJson policy : policies) {
			Integer count = policy.volumeCount();
			if (policy.id() != null && (count == null || count > 0)) {
				wanted.add(policy.id());
			}
		}
		if (wanted.isEmpty()) {
			return Map.of();
		}
		Map<String, List<BaiduVolumeJson>> volumes = new HashMap<>();
		String marker = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			BaiduVolumeListJson read = this.client.listVolumes(marker, BaiduListing.MAX_KEYS);
			for (BaiduVolumeJson volume : read.volumesOrEmpty()) {
				this.disks.remember(volume);
				String policyId = volume.policyId();
				if (policyId != null && wanted.contains(policyId) && BaiduIds.isVolumeId(volume.id())) {
					volumes.computeIfAbsent(policyId, (id) -> new ArrayList<>()).add(volume);
				}
			}
			marker = next(read);
			if (marker == null) {
				break;
			}
		}
		volumes.values().forEach((list) -> list.sort(Comparator.comparing(BaiduPolicyTargets::id)));
		return volumes;
	}

	private static @Nullable String next(BaiduVolumeListJson page) {
		String next = page.nextMarker();
		return (page.truncated() && next != null && !next.isBlank()) ? next : null;
	}

	private static String id(BaiduVolumeJson volume) {
		return (volume.id() != null) ? volume.id() : "";
	}

}
