package io.snapgate.sandbox.vergeos;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the VergeOS emulator behaves, under {@code snapgate.sandbox.vergeos}. Tests shorten
 * the delays.
 *
 * @param createDelay how long a new snapshot's task runs before the snapshot is ready
 * @param recoverStartDelay how long a recovered member stays {@code idle} before it is
 * {@code importing}
 * @param recoverDelay how long a member is {@code importing} before it is
 * {@code complete}
 * @param username the emulator's user for HTTP Basic
 * @param password that user's password
 * @param apiKey the emulator's API key, accepted as a Bearer token
 * @param scheduleTick how often the running emulator runs its snapshot profiles' periods
 * and moves its outgoing syncs on
 * @param demoScheduleEveryMinute whether the system's profile (the seeded
 * {@code System Snapshots}) runs every minute rather than at its periods' times: a
 * sandbox convenience (no neutral rule runs every minute), so that snapshots appear under
 * a policy within a minute or two of starting
 * @param syncDelay how long an outgoing Site Sync takes to send a cloud snapshot to the
 * DR site once it has started sending it
 */
@Validated
@ConfigurationProperties("snapgate.sandbox.vergeos")
record VergeosSandboxSettings(@NotNull @DefaultValue("PT3S") Duration createDelay,
		@NotNull @DefaultValue("PT1S") Duration recoverStartDelay, @NotNull @DefaultValue("PT3S") Duration recoverDelay,
		@NotBlank @DefaultValue("snapgate") String username, @NotBlank @DefaultValue("sandbox") String password,
		@NotBlank @DefaultValue("sandbox-vergeos-api-key") String apiKey,
		@NotNull @DefaultValue("PT5S") Duration scheduleTick, @DefaultValue("true") boolean demoScheduleEveryMinute,
		@NotNull @DefaultValue("PT5S") Duration syncDelay) {

	@AssertTrue(message = "the delays must not be negative")
	boolean isDelaysValid() {
		return !this.createDelay.isNegative() && !this.recoverStartDelay.isNegative() && !this.recoverDelay.isNegative()
				&& !this.syncDelay.isNegative();
	}

	@AssertTrue(message = "schedule-tick must be positive")
	boolean isScheduleTickPositive() {
		return !this.scheduleTick.isNegative() && !this.scheduleTick.isZero();
	}

}
