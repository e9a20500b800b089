package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * What each policy write of {@link BaiduPolicies} would do, from BCC's reads alone: the
 * same checks in the same order, so that a preview fails where its write would, and no
 * write is ever sent.
 */
final class BaiduPolicyPreviews {

	private final ProviderId provider;

	private final BaiduClient client;

	private final BaiduPolicyDisks policyDisks;

	private final BaiduPolicyTargets targets;

	private final ZoneId zone;

	private final Clock clock;

	BaiduPolicyPreviews(ProviderId provider, BaiduClient client, BaiduPolicyDisks policyDisks,
			BaiduPolicyTargets targets, ZoneId zone, Clock clock) {
		this.provider = provider;
		this.client = client;
		this.policyDisks = policyDisks;
		this.targets = targets;
		this.zone = zone;
		this.clock = clock;
	}

	Preview create(PolicySpec spec, @Nullable IdempotencyKey idempotency) {
		BaiduPolicySpecs.toAsp(spec, this.zone, this.clock.instant());
		List<BaiduVolumeJson> volumes = this.policyDisks.attachable(spec.targets());
		PreviewBuilder preview = new PreviewBuilder()
			.passed("SPEC_SUPPORTED", "BCC runs every rule and the retention as given, in " + this.zone)
			.passed("DISKS_IN_USE", "Every disk named is attached to an instance");
		if (idempotency != null) {
			preview.unknown("SAME_REQUEST", "BCC finds an earlier policy of this Idempotency-Key only when asked to "
					+ "make it; it then answers that one instead of making another");
		}
		preview.action(Preview.Change.CREATE, "POLICY", null, spec.name(), null,
				volumes.isEmpty() ? "An automatic snapshot policy, NOT_ASSIGNED: BCC runs it once a disk joins it"
						: "An automatic snapshot policy, run by BCC itself on its disks");
		for (BaiduVolumeJson volume : volumes) {
			String volumeId = Objects.requireNonNull(volume.id(), "a disk read by its id has one");
			String policyId = volume.policyId();
			if (policyId != null && idempotency == null) {
				throw BaiduPolicies.inAnotherPolicy(volumeId, policyId);
			}
			if (policyId != null) {
				preview.unknown("DISK_FREE", "Disk " + volumeId + " is in policy " + policyId
						+ ": the create is 409 VOLUME_BUSY unless that is the policy of this Idempotency-Key");
			}
			disk(preview, Preview.Change.ATTACH, volume, "The disk joins the policy");
		}
		return preview.build();
	}

	Preview replace(String nativeId, PolicySpec spec) {
		BaiduAsp asp = BaiduPolicySpecs.toAsp(spec, this.zone, this.clock.instant());
		BaiduAspJson current = requirePolicy(nativeId);
		return new PreviewBuilder()
			.passed("SPEC_SUPPORTED", "BCC runs every rule and the retention as given, in " + this.zone)
			.passed("POLICY_EXISTS", "BCC has policy " + nativeId)
			.action(Preview.Change.OVERWRITE, "POLICY", this.provider + ":" + nativeId, asp.name(), null,
					"Its name, hours, weekdays and retention, all sent again (was '" + current.name() + "')")
			.warn("The disks stay as they are; BCC applies the new schedule to them from its next hour")
			.build();
	}

	/**
	 * Names every disk the delete detaches first, as it finds them: BCC lists no policy's
	 * disks, so they are those that name the policy.
	 */
	Preview delete(String nativeId) {
		BaiduAspJson policy = requirePolicy(nativeId);
		List<BaiduVolumeJson> attached = this.targets.volumesOf(List.of(policy)).getOrDefault(nativeId, List.of());
		PreviewBuilder preview = new PreviewBuilder().passed("POLICY_EXISTS", "BCC has policy " + nativeId);
		for (BaiduVolumeJson volume : attached) {
			disk(preview, Preview.Change.DETACH, volume,
					"Detached first: BCC takes no more automatic snapshots of the disk");
		}
		Integer counted = policy.volumeCount();
		if (counted != null && counted > attached.size()) {
			preview.unknown("ALL_DISKS_FOUND", "BCC counts " + counted + " disk(s) in the policy and " + attached.size()
					+ " name it: the delete detaches those, and BCC's answer to it tells about the rest");
		}
		return preview
			.action(Preview.Change.DELETE, "POLICY", this.provider + ":" + nativeId, policy.name(), null,
					"The automatic snapshot policy")
			.warn("The snapshots it made stay until their retention ends, as far as BCC tells")
			.build();
	}

	Preview attach(String nativeId, List<PolicyTarget> requested) {
		if (requested.isEmpty()) {
			throw InvalidRequestException.field("targets", "name at least one disk to attach");
		}
		BaiduPolicyDisks.checkShapes(requested);
		requirePolicy(nativeId);
		List<BaiduVolumeJson> volumes = this.policyDisks.attachable(requested);
		List<String> toAttach = BaiduPolicies.notYetIn(nativeId, volumes);
		PreviewBuilder preview = new PreviewBuilder().passed("POLICY_EXISTS", "BCC has policy " + nativeId)
			.passed("DISKS_IN_USE", "Every disk named is attached to an instance")
			.passed("DISKS_FREE", "No disk named is in another policy");
		for (BaiduVolumeJson volume : volumes) {
			boolean joins = toAttach.contains(volume.id());
			disk(preview, joins ? Preview.Change.ATTACH : Preview.Change.NONE, volume,
					joins ? "The disk joins the policy" : "Nothing: the disk is in the policy already");
		}
		return preview.build();
	}

	Preview detach(String nativeId, String targetId) {
		if (!BaiduIds.isVolumeId(targetId) && !BaiduIds.isInstanceId(targetId)) {
			throw BaiduPolicies.noSuchTarget(nativeId, targetId);
		}
		BaiduAspJson policy = requirePolicy(nativeId);
		List<BaiduVolumeJson> volumes = this.policyDisks.inPolicy(nativeId, targetId);
		PreviewBuilder preview = new PreviewBuilder().passed("DISK_IN_POLICY",
				(BaiduIds.isInstanceId(targetId) ? volumes.size() + " disk(s) of instance " + targetId + " are"
						: "Disk " + targetId + " is") + " in policy " + nativeId);
		for (BaiduVolumeJson volume : volumes) {
			disk(preview, Preview.Change.DETACH, volume, "BCC takes no more automatic snapshots of the disk");
		}
		if (Objects.equals(policy.volumeCount(), volumes.size())) {
			preview.warn("It is the policy's last disk: the policy is left NOT_ASSIGNED and takes no snapshot");
		}
		return preview.build();
	}

	private BaiduAspJson requirePolicy(String aspId) {
		return this.client.findPolicy(aspId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND,
					"No automatic snapshot policy " + aspId + " on provider " + this.provider));
	}

	private static void disk(PreviewBuilder preview, Preview.Change change, BaiduVolumeJson volume,
			String description) {
		preview.action(change, "VOLUME", volume.id(), volume.name(),
				(volume.diskSizeInGb() != null) ? volume.diskSizeInGb().longValue() : null, description);
	}

}
