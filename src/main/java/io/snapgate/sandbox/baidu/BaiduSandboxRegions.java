package io.snapgate.sandbox.baidu;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The emulated account's regions, each with a state of its own: {@code bj}, which copies
 * its snapshots to {@code gz}, and {@code gz}, which copies nowhere.
 */
final class BaiduSandboxRegions {

	private final Map<BaiduSandboxRegion, BaiduSandboxState> states = new EnumMap<>(BaiduSandboxRegion.class);

	BaiduSandboxRegions(BaiduSandboxSettings settings, Clock clock) {
		// a region's destinations are made before it
		for (BaiduSandboxRegion region : List.of(BaiduSandboxRegion.GZ, BaiduSandboxRegion.BJ)) {
			Map<String, BaiduSandboxState> destinations = copyTargets(region).stream()
				.collect(Collectors.toMap(BaiduSandboxRegion::code, this::state));
			this.states.put(region, new BaiduSandboxState(settings, clock, region, destinations));
		}
	}

	BaiduSandboxState state(BaiduSandboxRegion region) {
		return Objects.requireNonNull(this.states.get(region));
	}

	/** The regions {@code region}'s snapshots can be copied to. */
	static List<BaiduSandboxRegion> copyTargets(BaiduSandboxRegion region) {
		return (region == BaiduSandboxRegion.BJ) ? List.of(BaiduSandboxRegion.GZ) : List.of();
	}

	/** Runs every region's policies by the emulator's clock. */
	void tick() {
		this.states.values().forEach(BaiduSandboxState::tick);
	}

}
