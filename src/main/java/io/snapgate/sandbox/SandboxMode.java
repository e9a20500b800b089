package io.snapgate.sandbox;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Whether the emulators run, decided when the gateway starts: the {@code sandbox} profile
 * is active then. The emulators' beans are always defined, so that a jar whose context
 * Spring AOT froze at build time still has them, and are null beans (left out of every
 * list Spring injects) outside the profile: no endpoint, no schedule, no provider.
 */
public final class SandboxMode {

	/** The profile that turns the emulators on. */
	public static final String PROFILE = "sandbox";

	private final boolean active;

	private final boolean runSchedules;

	SandboxMode(boolean active, boolean runSchedules) {
		this.active = active;
		this.runSchedules = runSchedules;
	}

	static SandboxMode of(Environment environment, boolean runSchedules) {
		return new SandboxMode(environment.acceptsProfiles(Profiles.of(PROFILE)), runSchedules);
	}

	/** Whether the {@code sandbox} profile is active: the emulators answer. */
	public boolean active() {
		return this.active;
	}

	/**
	 * Whether the emulators run their own schedules: in the profile, unless
	 * {@code snapgate.sandbox.run-schedules} is off.
	 */
	public boolean runsSchedules() {
		return this.active && this.runSchedules;
	}

}
