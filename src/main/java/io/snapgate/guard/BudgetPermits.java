package io.snapgate.guard;

import io.snapgate.domain.BudgetSharing;

import java.time.Duration;

/**
 * Where the permits of one provider's request budget are kept: on this replica, or in a
 * store every replica shares.
 */
interface BudgetPermits {

	/** Takes one permit; {@code false} when none is left this period. */
	boolean take();

	/**
	 * Takes one permit for background work, only while more than the callers' reserve is
	 * left; {@code false} otherwise, having taken nothing.
	 */
	boolean takeBackground();

	/**
	 * Counts one more request of a call already admitted: never refused, and it may
	 * overdraw the period by the few requests one call makes.
	 */
	void count();

	/** How long until the next period's permits, for a {@code Retry-After}. */
	Duration untilRefill();

	/** What is left this period, for a gauge. */
	long available();

	/** Whose permits these are right now. */
	BudgetSharing sharing();

	/** The budget, for messages: how many requests in which period, and whose. */
	String describe();

}
