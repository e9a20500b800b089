package io.snapgate.application;

import io.snapgate.domain.Cursor;
import org.jspecify.annotations.Nullable;

/**
 * Where a merged listing stands in one provider's own listing.
 *
 * @param cursor where to go on; {@code null} with {@code exhausted} false for the
 * beginning
 * @param exhausted whether nothing is left
 */
public record ProviderPosition(@Nullable Cursor cursor, boolean exhausted) {

	public static final ProviderPosition START = new ProviderPosition(null, false);

	public static final ProviderPosition EXHAUSTED = new ProviderPosition(null, true);

	public static ProviderPosition at(Cursor cursor) {
		return new ProviderPosition(cursor, false);
	}

}
