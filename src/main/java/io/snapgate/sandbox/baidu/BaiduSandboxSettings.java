package io.snapgate.sandbox.baidu;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the Baidu emulator behaves, under {@code snapgate.sandbox.baidu}.
 *
 * @param snapshotDelay how long a new snapshot stays {@code Creating}
 * @param rollbackDelay how long a disk stays busy rolling back
 * @param quotaPerDisk how many snapshots one disk may hold
 * @param allowedClockSkew how far a request's {@code x-bce-date} may be from the
 * emulator's clock
 * @param demoScheduleEveryMinute whether the seeded policy {@code asp-sandbox1} runs at
 * the top of every minute rather than every hour: a convenience of the sandbox, so that
 * automatic snapshots show up within a minute. BCC itself cannot run a policy more often
 * than hourly, and the policy reads as hourly; changing it through the API ends the
 * demonstration
 * @param copyDelay how long a copy to the other region stays {@code Creating} there
 */
@Validated
@ConfigurationProperties("snapgate.sandbox.baidu")
record BaiduSandboxSettings(@NotNull @DefaultValue("PT3S") Duration snapshotDelay,
		@NotNull @DefaultValue("PT3S") Duration rollbackDelay, @Min(1) @Max(1536) @DefaultValue("8") int quotaPerDisk,
		@NotNull @DefaultValue("PT15M") Duration allowedClockSkew,
		@DefaultValue("true") boolean demoScheduleEveryMinute, @NotNull @DefaultValue("PT5S") Duration copyDelay) {

	@AssertTrue(message = "snapshot-delay, rollback-delay and copy-delay must not be negative, "
			+ "allowed-clock-skew must be positive")
	boolean isDurationsSensible() {
		return (this.snapshotDelay == null || !this.snapshotDelay.isNegative())
				&& (this.rollbackDelay == null || !this.rollbackDelay.isNegative())
				&& (this.copyDelay == null || !this.copyDelay.isNegative())
				&& (this.allowedClockSkew == null || this.allowedClockSkew.isPositive());
	}

}
