package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How long the snapshots of a policy are kept.
 *
 * @param keepFor how long each is kept; {@code null} when kept forever
 * @param minKept how many are kept past their expiry until newer ones exist; {@code null}
 * for the provider's default
 */
public record PolicyRetention(@Nullable Duration keepFor, @Nullable Integer minKept) {

	public static PolicyRetention forever() {
		return new PolicyRetention(null, null);
	}

	public boolean isForever() {
		return this.keepFor == null;
	}

}
