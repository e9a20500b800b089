package io.snapgate.application;

import java.time.Duration;

import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * A caller's request to take a snapshot, before it is checked against what the provider
 * can do. {@code null} means "not given", which differs from {@code false} when a
 * provider cannot honour a field at all.
 */
public record NewSnapshot(ProviderId provider, String name, @Nullable String description, @Nullable String volumeId,
		@Nullable Duration retention, @Nullable Boolean neverExpire, @Nullable Boolean immutable,
		@Nullable Boolean privateSnapshot, @Nullable String idempotencyKey, @Nullable String machine,
		@Nullable Boolean quiesce) {

	/** A request for a system or a disk snapshot. */
	public NewSnapshot(ProviderId provider, String name, @Nullable String description, @Nullable String volumeId,
			@Nullable Duration retention, @Nullable Boolean neverExpire, @Nullable Boolean immutable,
			@Nullable Boolean privateSnapshot, @Nullable String idempotencyKey) {
		this(provider, name, description, volumeId, retention, neverExpire, immutable, privateSnapshot, idempotencyKey,
				null, null);
	}

	/**
	 * The request's meaningful content, in a fixed order, for idempotency fingerprints;
	 * the machine's fields only where a machine is asked for, so that the fingerprints of
	 * other requests stay as they were.
	 */
	String canonicalForm() {
		String form = String.join("\n", "snapshot", this.provider.value(), this.name, String.valueOf(this.description),
				String.valueOf(this.volumeId), String.valueOf(this.retention), String.valueOf(isTrue(this.neverExpire)),
				String.valueOf(isTrue(this.immutable)), String.valueOf(isTrue(this.privateSnapshot)));
		return (this.machine != null) ? form + "\nmachine\n" + this.machine + "\n" + isTrue(this.quiesce) : form;
	}

	static boolean isTrue(@Nullable Boolean value) {
		return Boolean.TRUE.equals(value);
	}

}
