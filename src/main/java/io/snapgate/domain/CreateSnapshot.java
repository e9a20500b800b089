package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A request to take a snapshot. Fields a provider cannot honour have been refused before
 * the command reaches it.
 *
 * @param name the snapshot's name
 * @param description optional description
 * @param volumeId for a snapshot of one disk, the disk
 * @param retention how long to keep it, where the provider takes a retention
 * @param neverExpire keep it until deleted
 * @param immutable lock it against deletion
 * @param privateSnapshot hide it from tenants
 * @param idempotency the caller's idempotency key, if any
 * @param machine for a snapshot of one machine, the machine as the caller named it (its
 * name or id)
 * @param quiesce for a machine snapshot, whether its guest is asked to flush its disks
 * first
 */
public record CreateSnapshot(String name, @Nullable String description, @Nullable String volumeId,
		@Nullable Duration retention, boolean neverExpire, boolean immutable, boolean privateSnapshot,
		@Nullable IdempotencyKey idempotency, @Nullable String machine, boolean quiesce) {

	/** A snapshot of a whole system or of one disk. */
	public CreateSnapshot(String name, @Nullable String description, @Nullable String volumeId,
			@Nullable Duration retention, boolean neverExpire, boolean immutable, boolean privateSnapshot,
			@Nullable IdempotencyKey idempotency) {
		this(name, description, volumeId, retention, neverExpire, immutable, privateSnapshot, idempotency, null, false);
	}

	/** What is asked for: a machine, a disk, or the whole system. */
	public Scope scope() {
		return (this.machine != null) ? Scope.MACHINE : (this.volumeId != null) ? Scope.VOLUME : Scope.SYSTEM;
	}

}
