package io.snapgate.sandbox.vergeos;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Lets the running emulators' snapshot profiles take their snapshots and their outgoing
 * syncs send them: every {@code schedule-tick}, the schedules of every site run up to the
 * clock's time. Tests call {@link VergeosSandboxState#runSchedules} themselves instead.
 */
class VergeosSandboxScheduler {

	private final VergeosSandboxSites sites;

	private final Clock clock;

	VergeosSandboxScheduler(VergeosSandboxSites sites, Clock clock) {
		this.sites = sites;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${snapgate.sandbox.vergeos.schedule-tick:PT5S}",
			initialDelayString = "${snapgate.sandbox.vergeos.schedule-tick:PT5S}")
	void runSchedules() {
		this.sites.runSchedules(this.clock.instant());
	}

}
