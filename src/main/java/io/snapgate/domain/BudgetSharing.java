package io.snapgate.domain;

/**
 * Whose request budget a provider's calls are spent from.
 */
public enum BudgetSharing {

	/** This replica's share of the budget: no shared store is configured. */
	REPLICA,

	/** One budget every replica spends from. */
	SHARED,

	/** The shared store does not answer: this replica spends its share until it does. */
	FALLBACK

}
