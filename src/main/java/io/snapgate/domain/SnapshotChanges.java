package io.snapgate.domain;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a snapshot that exists: each attribute given is set, each left out stays as
 * it is. Setting values, not adding to them, so that sending the same changes twice
 * leaves the same snapshot. What the provider cannot change has been refused before the
 * changes reach it.
 *
 * @param name a new name; {@code null} keeps the name
 * @param description a new description, empty to clear it; {@code null} keeps it
 * @param retention how long to keep the snapshot, counted from when it was taken;
 * {@code null} keeps its expiry (unless {@code neverExpire})
 * @param neverExpire keep it until it is deleted
 */
public record SnapshotChanges(@Nullable String name, @Nullable String description, @Nullable Duration retention,
		boolean neverExpire) {

	public SnapshotChanges {
		if (retention != null && neverExpire) {
			throw new IllegalArgumentException("a retention or never expiring, not both");
		}
	}

	/** The attributes these changes set. */
	public Set<SnapshotField> fields() {
		Set<SnapshotField> fields = EnumSet.noneOf(SnapshotField.class);
		if (this.name != null) {
			fields.add(SnapshotField.NAME);
		}
		if (this.description != null) {
			fields.add(SnapshotField.DESCRIPTION);
		}
		if (this.retention != null) {
			fields.add(SnapshotField.RETENTION);
		}
		if (this.neverExpire) {
			fields.add(SnapshotField.NEVER_EXPIRE);
		}
		return fields;
	}

	public boolean isEmpty() {
		return fields().isEmpty();
	}

}
