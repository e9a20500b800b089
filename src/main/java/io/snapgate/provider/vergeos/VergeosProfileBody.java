package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST snapshot_profiles} ({@code {"name":"...","description":"..."}})
 * or of {@code PUT snapshot_profiles/<key>}, which sends only what changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VergeosProfileBody(@Nullable String name, @Nullable String description) {

	static VergeosProfileBody rename(String name) {
		return new VergeosProfileBody(name, null);
	}

	static VergeosProfileBody describe(String description) {
		return new VergeosProfileBody(null, description);
	}

}
