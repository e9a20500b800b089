package io.snapgate.provider.baidu;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.PolicyFeatures.RuleKind;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * BCC's automatic snapshot policies behind the policy port. BCC runs the schedule; every
 * answer is read back from BCC, so that any replica gives the same. What BCC cannot run
 * exactly is refused by {@link BaiduPolicySpecs} before any request; disks are checked
 * against {@link BaiduRules} before they are attached.
 */
final class BaiduPolicies implements PolicyProvider {

	/** BCC pages read for one listing when its pages come back short. */
	private static final int MAX_PAGES_PER_LIST = 10;

	private final ProviderId provider;

	private final BaiduClient client;

	private final BaiduDisks disks;

	private final BaiduPolicyTargets targets;

	private final BaiduPolicyMapper mapper;

	private final BaiduPolicyPreviews previews;

	private final ZoneId zone;

	private final Clock clock;

	private final BaiduPolicyDisks policyDisks;

	/**
	 * @param zone the zone BCC reads the policies' hours in
	 */
	BaiduPolicies(ProviderId provider, BaiduClient client, BaiduRules rules, BaiduDisks disks, ZoneId zone,
			Clock clock) {
		this.provider = provider;
		this.client = client;
		this.disks = disks;
		this.targets = new BaiduPolicyTargets(client, disks);
		this.policyDisks = new BaiduPolicyDisks(rules, new BaiduMachines(client, disks));
		this.mapper = new BaiduPolicyMapper(provider, zone);
		this.previews = new BaiduPolicyPreviews(provider, client, this.policyDisks, this.targets, zone, clock);
		this.zone = zone;
		this.clock = clock;
	}

	@Override
	public ProviderId id() {
		return this.provider;
	}

	@Override
	public PolicyFeatures features() {
		return new PolicyFeatures(EnumSet.of(RuleKind.HOUR, RuleKind.DAY, RuleKind.WEEK), Set.of(0), this.zone,
				Duration.ofDays(1), true, false, false, EnumSet.of(PolicyTarget.Type.VOLUME, PolicyTarget.Type.MACHINE),
				BaiduPolicySpecs.MAX_RULES, false);
	}

	@Override
	public boolean isValidPolicyId(String nativeId) {
		return BaiduIds.isPolicyId(nativeId);
	}

	/**
	 * In BCC's order; a cursor is the marker at which BCC begins a listing: the id of the
	 * policy it starts with.
	 */
	@Override
	public Page<Policy> list(@Nullable Cursor cursor, int limit) {
		String marker = (cursor != null) ? marker(cursor) : null;
		int maxKeys = Math.clamp(limit, 1, BaiduListing.MAX_KEYS);
		List<BaiduAspJson> found = new ArrayList<>();
		String next = null;
		for (int pages = 0; pages < MAX_PAGES_PER_LIST && found.size() < limit; pages++) {
			next = null;
			BaiduAspListJson page = this.client.listPolicies(marker, maxKeys);
			for (BaiduAspJson json : page.policiesOrEmpty()) {
				if (found.size() == limit) {
					next = position(json.id());
					break;
				}
				found.add(json);
			}
			String nextMarker = page.truncated() ? BaiduSnapshotMapper.blankToNull(page.nextMarker()) : null;
			if (next != null || nextMarker == null) {
				break;
			}
			marker = position(nextMarker);
			next = marker;
		}
		Map<String, List<PolicyTarget>> attached = this.targets.of(found);
		List<Page.Entry<Policy>> entries = new ArrayList<>();
		for (BaiduAspJson json : found) {
			Policy policy = this.mapper.toPolicy(json, attached.getOrDefault(json.id(), List.of()));
			entries.add(new Page.Entry<>(policy, new Cursor(policy.nativeId())));
		}
		return new Page<>(entries, (next != null) ? new Cursor(next) : null);
	}

	@Override
	public Optional<Policy> get(String nativeId) {
		return this.client.findPolicy(nativeId).map(this::toPolicy);
	}

	@Override
	public Preview previewCreate(PolicySpec spec, @Nullable IdempotencyKey idempotency) {
		return this.previews.create(spec, idempotency);
	}

	/**
	 * One POST under a client token made from the caller's key, so that BCC makes the
	 * policy once however often and wherever the request is repeated, then one attach of
	 * every disk not yet in it. The disks are checked first, so that a disk that cannot
	 * join leaves no policy behind; a disk in another policy can only be told once the
	 * policy's id is known (it may be this very policy, made by an earlier try).
	 */
	@Override
	public Policy create(PolicySpec spec, IdempotencyKey idempotency) {
		BaiduAsp asp = BaiduPolicySpecs.toAsp(spec, this.zone, this.clock.instant());
		List<BaiduVolumeJson> volumes = this.policyDisks.attachable(spec.targets());
		String aspId = this.client.createPolicy(idempotency.token(this.provider), asp.createBody());
		if (!BaiduIds.isPolicyId(aspId)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered a policy id of an unknown shape");
		}
		BaiduAspJson created = requirePolicy(aspId);
		List<String> toAttach = notYetIn(aspId, volumes);
		int alreadyIn = volumes.size() - toAttach.size();
		Integer count = created.volumeCount();
		if (!toAttach.isEmpty() && count != null && count > alreadyIn) {
			// BCC made no new policy (the token was used before) and that policy protects
			// disks this request does not name: the key was used for another request
			throw new IdempotencyKeyReusedException();
		}
		attachDisks(aspId, toAttach);
		return toPolicy(requirePolicy(aspId));
	}

	/**
	 * Read, then every field sent again: BCC documents all of them as required, and
	 * whether it keeps an omitted one is not known.
	 */
	@Override
	public Policy replace(String nativeId, PolicySpec spec) {
		BaiduAsp asp = BaiduPolicySpecs.toAsp(spec, this.zone, this.clock.instant());
		requirePolicy(nativeId);
		// a fresh token each time: a token reused for a later update back to the same
		// values would make BCC skip it as a repeat
		this.client.updatePolicy(UUID.randomUUID().toString(), asp.updateBody(nativeId));
		return toPolicy(requirePolicy(nativeId));
	}

	@Override
	public Preview previewReplace(String nativeId, PolicySpec spec) {
		return this.previews.replace(nativeId, spec);
	}

	/**
	 * Detaches the disks first (whether BCC deletes a policy with disks is not known),
	 * then deletes. The snapshots it made stay until their retention ends, as far as BCC
	 * tells.
	 */
	@Override
	public void delete(String nativeId) {
		BaiduAspJson policy = requirePolicy(nativeId);
		List<String> attached = this.targets.of(List.of(policy))
			.getOrDefault(nativeId, List.of())
			.stream()
			.map((target) -> Objects.requireNonNull(target.id(), "a disk target has an id"))
			.toList();
		if (!attached.isEmpty()) {
			this.client.detachPolicy(nativeId, attached);
			this.disks.forgetPolicies(attached);
		}
		// gone already is as good as deleted
		this.client.deletePolicy(nativeId);
	}

	@Override
	public Preview previewDelete(String nativeId) {
		return this.previews.delete(nativeId);
	}

	@Override
	public Policy attach(String nativeId, List<PolicyTarget> targets) {
		if (targets.isEmpty()) {
			throw InvalidRequestException.field("targets", "name at least one disk to attach");
		}
		BaiduPolicyDisks.checkShapes(targets);
		requirePolicy(nativeId);
		attachDisks(nativeId, notYetIn(nativeId, this.policyDisks.attachable(targets)));
		return toPolicy(requirePolicy(nativeId));
	}

	@Override
	public Preview previewAttach(String nativeId, List<PolicyTarget> targets) {
		return this.previews.attach(nativeId, targets);
	}

	@Override
	public Policy detach(String nativeId, String targetId) {
		if (!BaiduIds.isVolumeId(targetId) && !BaiduIds.isInstanceId(targetId)) {
			throw noSuchTarget(nativeId, targetId);
		}
		requirePolicy(nativeId);
		List<String> volumeIds = this.policyDisks.inPolicy(nativeId, targetId)
			.stream()
			.map((volume) -> String.valueOf(volume.id()))
			.toList();
		this.client.detachPolicy(nativeId, volumeIds);
		this.disks.forgetPolicies(volumeIds);
		return toPolicy(requirePolicy(nativeId));
	}

	@Override
	public Preview previewDetach(String nativeId, String targetId) {
		return this.previews.detach(nativeId, targetId);
	}

	static NotFoundException noSuchTarget(String nativeId, String targetId) {
		return new NotFoundException(ErrorCode.NOT_FOUND, "Policy " + nativeId + " has no target '" + targetId
				+ "': its targets are disks (v-...) and " + "instances (i-...)");
	}

	static NotFoundException notATarget(String nativeId, String targetId) {
		return new NotFoundException(ErrorCode.NOT_FOUND,
				"Disk " + targetId + " is not a target of policy " + nativeId);
	}

	/**
	 * The disks not yet in the policy. A disk has one policy: one in another policy is
	 * refused rather than left to BCC, which may move it or refuse.
	 */
	static List<String> notYetIn(String aspId, List<BaiduVolumeJson> volumes) {
		List<String> toAttach = new ArrayList<>();
		for (BaiduVolumeJson volume : volumes) {
			String volumeId = Objects.requireNonNull(volume.id(), "a disk read by its id has one");
			String policyId = volume.policyId();
			if (policyId == null) {
				toAttach.add(volumeId);
			}
			else if (!policyId.equals(aspId)) {
				throw inAnotherPolicy(volumeId, policyId);
			}
		}
		return toAttach;
	}

	static ConflictException inAnotherPolicy(String volumeId, String policyId) {
		return new ConflictException(ErrorCode.VOLUME_BUSY, "Disk " + volumeId + " is in policy " + policyId
				+ "; a Baidu disk is in one policy at a time: detach it there first");
	}

	private void attachDisks(String aspId, List<String> volumeIds) {
		if (!volumeIds.isEmpty()) {
			this.client.attachPolicy(aspId, volumeIds);
			this.disks.forgetPolicies(volumeIds);
		}
	}

	private BaiduAspJson requirePolicy(String aspId) {
		return this.client.findPolicy(aspId)
			.orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND,
					"No automatic snapshot policy " + aspId + " on provider " + this.provider));
	}

	private Policy toPolicy(BaiduAspJson json) {
		return this.mapper.toPolicy(json, this.targets.of(List.of(json)).getOrDefault(json.id(), List.of()));
	}

	private static String marker(Cursor cursor) {
		if (!BaiduIds.isPolicyId(cursor.value())) {
			throw new InvalidRequestException(ErrorCode.INVALID_PAGE_TOKEN, "Not a position in a Baidu policy listing");
		}
		return cursor.value();
	}

	/** A marker BCC answered, checked before it travels back. */
	private static String position(@Nullable String aspId) {
		if (!BaiduIds.isPolicyId(aspId)) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "Baidu answered a marker that is no policy id");
		}
		return aspId;
	}

}
