package io.snapgate.sandbox.baidu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.DestRegionInfo;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyResult;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;
import io.snapgate.sandbox.baidu.BaiduSandboxResources.Volume;
import org.jspecify.annotations.Nullable;

/**
 * BCC's copy of a snapshot to other regions of the account ({@code remote_copy}): of an
 * {@code Available} snapshot of a CDS disk only, to regions other than its own, under a
 * client token; the copies are made in the destinations' own states at once, and hear of
 * the source's deletion. Not safe on its own: {@link BaiduSandboxState} calls it under
 * its lock, and it calls the destinations' states, which take their own; a region is
 * never a destination of its own destinations, so those locks are always taken in one
 * order.
 */
final class BaiduSandboxRemoteCopies {

	private final BaiduSandboxRegion region;

	private final BaiduSandboxAccount account;

	private final BaiduSandboxProgress progress;

	private final BaiduSandboxInstanceSnapshots instanceSnapshots;

	private final BaiduSandboxClientTokens clientTokens;

	private final Map<String, BaiduSandboxState> destinations;

	/**
	 * @param destinations the states of the regions this one copies to, by region code
	 */
	BaiduSandboxRemoteCopies(BaiduSandboxRegion region, BaiduSandboxAccount account, BaiduSandboxProgress progress,
			BaiduSandboxInstanceSnapshots instanceSnapshots, BaiduSandboxClientTokens clientTokens,
			Map<String, BaiduSandboxState> destinations) {
		this.region = region;
		this.account = account;
		this.progress = progress;
		this.instanceSnapshots = instanceSnapshots;
		this.clientTokens = clientTokens;
		this.destinations = Map.copyOf(destinations);
	}

	/**
	 * @return one copy per region named, in the order named; the first ones for a client
	 * token seen before with the same request
	 */
	List<RemoteCopyResult> copy(String snapshotId, @Nullable String clientToken, RemoteCopyRequest request,
			Instant now) {
		BaiduSandboxClientTokens.requireValid(clientToken);
		List<Target> targets = targets(request);
		String fingerprint = "remote_copy\n" + snapshotId + "\n"
				+ targets.stream().map((t) -> t.region() + "=" + t.name()).collect(Collectors.joining("\n"));
		if (clientToken != null) {
			String earlier = this.clientTokens.earlier(clientToken, fingerprint);
			if (earlier != null) {
				return results(targets, List.of(earlier.split(",")));
			}
		}
		Snapshot source = copyable(snapshotId, now);
		List<String> copyIds = new ArrayList<>();
		for (Target target : targets) {
			BaiduSandboxState destination = Objects.requireNonNull(this.destinations.get(target.region()));
			copyIds.add(destination.receiveCopy(this.region, source, target.name()));
		}
		if (clientToken != null) {
			this.clientTokens.remember(clientToken, fingerprint, String.join(",", copyIds));
		}
		return results(targets, copyIds);
	}

	/** Tells the destinations that a snapshot of this region is gone. */
	void sourceDeleted(String snapshotId) {
		this.destinations.values().forEach((destination) -> destination.sourceDeleted(this.region, snapshotId));
	}

	private List<Target> targets(RemoteCopyRequest request) {
		List<@Nullable DestRegionInfo> named = request.destRegionInfos();
		if (named == null || named.isEmpty()) {
			throw BaiduSandboxException.invalid("destRegionInfos must name at least one region");
		}
		List<Target> targets = new ArrayList<>();
		Set<String> regions = new HashSet<>();
		for (DestRegionInfo target : named) {
			String name = (target != null) ? target.name() : null;
			String destRegion = (target != null) ? target.destRegion() : null;
			if (target == null || name == null || destRegion == null) {
				throw BaiduSandboxException.invalid("each of destRegionInfos needs a name and a destRegion");
			}
			if (!name.matches("[A-Za-z0-9_]{1,65}")) {
				throw BaiduSandboxException.invalid("name must be 1 to 65 letters, digits and underscores");
			}
			if (destRegion.equals(this.region.code())) {
				throw BaiduSandboxException.invalid("destRegion " + destRegion + " is the snapshot's own region");
			}
			if (!this.destinations.containsKey(destRegion)) {
				throw BaiduSandboxException
					.invalid("destRegion " + destRegion + " is not a region snapshots of this one can be copied to");
			}
			if (!regions.add(destRegion)) {
				throw BaiduSandboxException.invalid("destRegion " + destRegion + " is named twice");
			}
			targets.add(new Target(name, destRegion));
		}
		return targets;
	}

	/** The snapshot, once it is one BCC copies now. */
	private Snapshot copyable(String snapshotId, Instant now) {
		if (this.instanceSnapshots.holds(snapshotId)) {
			throw cannotCopy(snapshotId + " is an instance snapshot; BCC copies snapshots of CDS disks only");
		}
		Snapshot snapshot = this.account.requireSnapshot(snapshotId);
		Volume volume = this.account.volume(snapshot.volumeId());
		if (volume != null && volume.system()) {
			throw cannotCopy("Snapshot " + snapshotId + " is of a system disk; BCC copies snapshots of CDS disks only");
		}
		String status = this.progress.status(snapshot, now);
		if (!status.equals("Available")) {
			throw new BaiduSandboxException(409, "OperationDenied",
					"Snapshot " + snapshotId + " is " + status + "; only an Available snapshot can be copied");
		}
		return snapshot;
	}

	private static BaiduSandboxException cannotCopy(String message) {
		return new BaiduSandboxException(403, "snapshot.CannotCopy", message);
	}

	private static List<RemoteCopyResult> results(List<Target> targets, List<String> copyIds) {
		List<RemoteCopyResult> results = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			results.add(new RemoteCopyResult(targets.get(i).region(), copyIds.get(i)));
		}
		return results;
	}

	/** A copy asked for: its name, in the region BCC names. */
	private record Target(String name, String region) {
	}

}
