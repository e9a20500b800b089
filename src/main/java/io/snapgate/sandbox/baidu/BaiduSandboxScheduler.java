package io.snapgate.sandbox.baidu;

import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the emulator's automatic snapshot policies, in every region, every few seconds on
 * its clock, as BCC's own scheduler would; a policy runs once per scheduled time however
 * often this looks.
 */
final class BaiduSandboxScheduler {

	private final BaiduSandboxRegions regions;

	BaiduSandboxScheduler(BaiduSandboxRegions regions) {
		this.regions = regions;
	}

	@Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
	void runSchedules() {
		this.regions.tick();
	}

}
