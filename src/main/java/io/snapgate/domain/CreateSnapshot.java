package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A request to take a snapshot. Fields a provider cannot honour have been refused before
 * the command reaches it.
 *
 * @param name the snapshot's name
 * @param description optional description
 * @param volumeId for volume providers, the disk to snapshot
 * @param retention for system providers, how long to keep it
 * @param neverExpire keep it until deleted
 * @param immutable lock it against deletion
 * @param privateSnapshot hide it from tenants
 * @param idempotency the caller's idempotency key, if any
 */
public record CreateSnapshot(String name, @Nullable String description, @Nullable String volumeId,
		@Nullable Duration retention, boolean neverExpire, boolean immutable, boolean privateSnapshot,
		@Nullable IdempotencyKey idempotency) {
}
