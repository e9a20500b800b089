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
		@Nullable Boolean privateSnapshot, @Nullable String idempotencyKey) {

	/**
	 * The request's meaningful content, in a fixed order, for idempotency fingerprints.
	 */
	String canonicalForm() {
		return String.join("\n", "snapshot", this.provider.value(), this.name, String.valueOf(this.description),
				String.valueOf(this.volumeId), String.valueOf(this.retention), String.valueOf(isTrue(this.neverExpire)),
				String.valueOf(isTrue(this.immutable)), String.valueOf(isTrue(this.privateSnapshot)));
	}

	static boolean isTrue(@Nullable Boolean value) {
		return Boolean.TRUE.equals(value);
	}

}
