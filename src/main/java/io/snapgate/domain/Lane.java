package io.snapgate.domain;

import java.util.concurrent.Callable;

/**
 * Whose work an upstream call is: a caller's own request, or the gateway's background
 * work (wait polls, policy surveys). The budget of a provider serves callers first, so
 * background work never starves an on-demand restore. Work is a caller's unless it runs
 * {@link #inBackground in the background}.
 */
public enum Lane {

	INTERACTIVE, BACKGROUND;

	private static final ScopedValue<Lane> CURRENT = ScopedValue.newInstance();

	public static Lane current() {
		return CURRENT.orElse(INTERACTIVE);
	}

	/** Runs work as background work, on this thread. */
	public static void inBackground(Runnable work) {
		ScopedValue.where(CURRENT, BACKGROUND).run(work);
	}

	/**
	 * The task, run in the lane of the thread that hands it over: a lane does not follow
	 * work to another thread by itself.
	 */
	public static <T> Callable<T> carried(Callable<T> task) {
		Lane lane = current();
		return () -> ScopedValue.where(CURRENT, lane).call(task::call);
	}

}
