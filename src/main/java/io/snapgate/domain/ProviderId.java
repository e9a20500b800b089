package io.snapgate.domain;

import java.util.regex.Pattern;

/**
 * The operator's name for one configured upstream account or system, such as
 * {@code vergeos-prod}.
 */
public record ProviderId(String value) implements Comparable<ProviderId> {

	public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	public ProviderId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("A provider id matches " + PATTERN.pattern());
		}
	}

	public static boolean isValid(String candidate) {
		return candidate != null && PATTERN.matcher(candidate).matches();
	}

	@Override
	public int compareTo(ProviderId other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
