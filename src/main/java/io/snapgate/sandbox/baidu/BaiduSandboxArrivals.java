package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.snapgate.sandbox.baidu.BaiduSandboxResources.Snapshot;

/**
 * The copies another region sends to this one: each a snapshot of this region,
 * {@code Creating} for the copy delay, then {@code Available}; {@code CreatedFailed}
 * instead when the source's name asks for it ({@code fail_copy}), or at once when the
 * source is deleted while the copy is still {@code Creating}. Not safe on its own:
 * {@link BaiduSandboxState} calls it under its lock.
 */
final class BaiduSandboxArrivals {

	/** The sandbox's way to make a copy fail; BCC's names take no dash, so both. */
	private static final Pattern FAILING = Pattern.compile("fail[-_]copy", Pattern.CASE_INSENSITIVE);

	private final BaiduSandboxAccount account;

	private final BaiduSandboxProgress progress;

	private final Duration copyDelay;

	private final Map<String, Origin> origins = new LinkedHashMap<>();

	BaiduSandboxArrivals(BaiduSandboxAccount account, BaiduSandboxProgress progress, Duration copyDelay) {
		this.account = account;
		this.progress = progress;
		this.copyDelay = copyDelay;
	}

	/**
	 * @return the id of the copy made here of {@code source}
	 */
	String receive(BaiduSandboxRegion from, Snapshot source, String name, Instant now) {
		String id = this.account.newSnapshotId();
		String settlesAs = FAILING.matcher(source.name()).find() ? Snapshot.FAILED : Snapshot.AVAILABLE;
		this.account.put(new Snapshot(this.account.nextSequence(), id, name,
				"Copied from snapshot " + source.id() + " in region " + from.code(), source.volumeId(), source.sizeGb(),
				now.truncatedTo(ChronoUnit.SECONDS), "Creating", now.plus(this.copyDelay), "MANUAL", false, null, null,
				settlesAs));
		this.origins.put(id, new Origin(from, source.id()));
		return id;
	}

	/** Fails the copies of a snapshot of {@code from} that are still on their way. */
	void sourceDeleted(BaiduSandboxRegion from, String sourceId, Instant now) {
		Origin gone = new Origin(from, sourceId);
		this.origins.forEach((copyId, origin) -> {
			Snapshot copy = this.account.snapshot(copyId);
			if (origin.equals(gone) && copy != null && !copy.deleted()
					&& this.progress.status(copy, now).equals("Creating")) {
				this.account.put(copy.asFailed());
			}
		});
	}

	private record Origin(BaiduSandboxRegion region, String snapshotId) {
	}

}
