package io.snapgate.sandbox.vergeos;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.snapgate.sandbox.SandboxHost;

/**
 * The emulated VergeOS systems: the main site
 * ({@value VergeosSandboxConfiguration#PROVIDER_ID} at
 * {@value VergeosSandboxRoutes#BASE_PATH}) and its DR site ({@value #DR_PROVIDER_ID} at
 * {@value #DR_BASE_PATH}), each with a state of its own, and the main site's outgoing
 * sync {@value #DR_SYNC} that sends cloud snapshots to the DR site.
 */
final class VergeosSandboxSites {

	static final String DR_PROVIDER_ID = "sandbox-vergeos-dr";

	static final String DR_BASE_PATH = "/sandbox/vergeos-dr";

	/** The outgoing sync of the main site that reaches the DR site. */
	static final String DR_SYNC = "to-dr-site";

	private static final String DR_SITE = "dr";

	private final VergeosSandboxState main;

	private final VergeosSandboxState dr;

	VergeosSandboxSites(Clock clock, VergeosSandboxSettings settings) {
		this.dr = new VergeosSandboxState(clock, settings, VergeosSandboxDrSeed.CLOUD_NAME, VergeosSandboxDrSeed::plant,
				Map.of());
		this.main = new VergeosSandboxState(clock, settings, VergeosSandboxSeed.CLOUD_NAME, VergeosSandboxSeed::plant,
				Map.of(DR_SITE, this.dr));
		this.main.plantOutgoingSync(DR_SYNC, DR_SITE, SandboxHost.baseUrl(DR_BASE_PATH));
	}

	VergeosSandboxState main() {
		return this.main;
	}

	VergeosSandboxState dr() {
		return this.dr;
	}

	/**
	 * Runs every site's schedules up to {@code now}, the main site's first, so that what
	 * its syncs deliver is at the DR site when the DR site's run starts.
	 */
	void runSchedules(Instant now) {
		for (VergeosSandboxState site : List.of(this.main, this.dr)) {
			site.runSchedules(now);
		}
	}

}
