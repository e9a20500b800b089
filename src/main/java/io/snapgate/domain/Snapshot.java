package io.snapgate.domain;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot as SnapGate presents it, whatever provider holds it.
 *
 * @param provider the provider holding it
 * @param providerType that provider's type
 * @param nativeId the provider's own id of the snapshot
 * @param name its name
 * @param description its description, if any
 * @param scope system, volume or machine
 * @param source what it was taken of: the disk of a volume snapshot, the machine of a
 * machine snapshot
 * @param status the neutral status
 * @param providerStatus the upstream's own status word, unchanged
 * @param createdAt when it was taken
 * @param expiresAt when the provider will remove it; {@code null} for never
 * @param sizeGb its size, when the provider tells
 * @param immutable whether it was made immutable
 * @param locked whether it is immutable and currently cannot be deleted
 * @param lockExpiresAt when the lock ends, if it is being unlocked
 * @param attributes flat provider-specific extras, documented per provider
 * @param policy the native id of the policy that made it, where the upstream records it
 * @param copyOf the snapshot this one is a copy of, where the backend lets SnapGate know
 */
public record Snapshot(ProviderId provider, ProviderType providerType, String nativeId, String name,
		@Nullable String description, Scope scope, @Nullable SnapshotSource source, SnapshotStatus status,
		String providerStatus, Instant createdAt, @Nullable Instant expiresAt, @Nullable Integer sizeGb,
		boolean immutable, boolean locked, @Nullable Instant lockExpiresAt, Map<String, String> attributes,
		@Nullable String policy, @Nullable SnapshotRef copyOf) {

	public Snapshot {
		attributes = Map.copyOf(attributes);
	}

	/** A snapshot that is no known copy. */
	public Snapshot(ProviderId provider, ProviderType providerType, String nativeId, String name,
			@Nullable String description, Scope scope, @Nullable SnapshotSource source, SnapshotStatus status,
			String providerStatus, Instant createdAt, @Nullable Instant expiresAt, @Nullable Integer sizeGb,
			boolean immutable, boolean locked, @Nullable Instant lockExpiresAt, Map<String, String> attributes,
			@Nullable String policy) {
		this(provider, providerType, nativeId, name, description, scope, source, status, providerStatus, createdAt,
				expiresAt, sizeGb, immutable, locked, lockExpiresAt, attributes, policy, null);
	}

	public SnapshotRef ref() {
		return new SnapshotRef(this.provider, this.nativeId);
	}

	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !this.expiresAt.isAfter(now);
	}

}
