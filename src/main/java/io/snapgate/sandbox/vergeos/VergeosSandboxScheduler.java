package io.snapgate.sandbox.vergeos;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Lets the running emulator's snapshot profiles take their snapshots: every
 * {@code schedule-tick}, the schedules run up to the clock's time. Tests call
 * {@link VergeosSandboxState#runSchedules} themselves instead.
 */
class VergeosSandboxScheduler {

	private final VergeosSandboxState state;

	private final Clock clock;

	VergeosSandboxScheduler(VergeosSandboxState state, Clock clock) {
		this.state = state;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${snapgate.sandbox.vergeos.schedule-tick:PT5S}",
			initialDelayString = "${snapgate.sandbox.vergeos.schedule-tick:PT5S}")
	void runSchedules() {
		this.state.runSchedules(this.clock.instant());
	}

}
