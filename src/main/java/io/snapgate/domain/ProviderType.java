package io.snapgate.domain;

/**
 * The kind of upstream a provider speaks, such as {@code vergeos} or {@code baidu}. An
 * open set: a new adapter brings its own type.
 */
public record ProviderType(String value) {

	public ProviderType {
		if (value == null || !value.matches("[a-z][a-z0-9-]{0,31}")) {
			throw new IllegalArgumentException("A provider type is a short lower-case word");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
