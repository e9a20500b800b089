package io.snapgate.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A restore and its progress.
 *
 * @param handle the provider's way back to it
 * @param snapshotNativeId the snapshot restored from
 * @param target what is restored
 * @param status its progress
 * @param detail a human-readable word on the progress
 * @param startedAt when it was asked for
 * @param finishedAt when it finished, once it has
 * @param restoredName the name of what the restore made or rolled back, when known
 */
public record Restore(RestoreHandle handle, String snapshotNativeId, RestoreTarget target, RestoreStatus status,
		@Nullable String detail, Instant startedAt, @Nullable Instant finishedAt, @Nullable String restoredName) {

	public RestoreMode mode() {
		return this.target.mode();
	}

}
