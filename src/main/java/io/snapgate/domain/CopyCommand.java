package io.snapgate.domain;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A request to copy a snapshot to another provider.
 *
 * @param snapshotNativeId the provider's id of the snapshot to copy
 * @param target the provider that receives the copy, one of the provider's
 * {@link CopyProvider#targets()}
 * @param retention how long the target keeps the copy; {@code null} for the backend's
 * default
 * @param idempotency the caller's idempotency key, if any: the same key and request start
 * one copy, however often they are sent
 */
public record CopyCommand(String snapshotNativeId, ProviderId target, @Nullable Duration retention,
		@Nullable IdempotencyKey idempotency) {
}
