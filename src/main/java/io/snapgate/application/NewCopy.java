package io.snapgate.application;

import java.time.Duration;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotRef;
import org.jspecify.annotations.Nullable;

/**
 * A caller's request to copy a snapshot to another provider.
 *
 * @param snapshot the snapshot to copy
 * @param target the provider to copy it to
 * @param retention how long the target keeps the copy; {@code null} for the backend's
 * default
 * @param idempotencyKey the caller's {@code Idempotency-Key}, if any
 */
public record NewCopy(SnapshotRef snapshot, ProviderId target, @Nullable Duration retention,
		@Nullable String idempotencyKey) {

	/**
	 * What the request asks for, written the same way for the same request on every
	 * replica: the fingerprint under the idempotency key.
	 */
	String canonicalForm() {
		return String.join("\n", "copy", this.snapshot.toString(), this.target.value(), String.valueOf(this.retention));
	}

}
