package io.snapgate.application;

import java.time.Duration;

/**
 * Waits: {@link Thread#sleep(Duration)}, unless a test needs to see the waits.
 */
@FunctionalInterface
public interface Sleeper {

	Sleeper THREAD = Thread::sleep;

	void sleep(Duration duration) throws InterruptedException;

}
