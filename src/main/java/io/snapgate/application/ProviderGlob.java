package io.snapgate.application;

import java.util.regex.Pattern;

import io.snapgate.domain.ProviderId;

import org.springframework.util.PatternMatchUtils;

/**
 * A provider id, or a pattern of them in which {@code *} stands for any run of
 * characters: {@code baidu-bj}, {@code baidu-*}, {@code *}.
 */
public record ProviderGlob(String value) {

	/** The characters of a provider id, and {@code *}. */
	public static final String SYNTAX = "[a-z0-9*][a-z0-9*-]{0,62}";

	private static final Pattern PATTERN = Pattern.compile(SYNTAX);

	public static final ProviderGlob ANY = new ProviderGlob("*");

	public ProviderGlob {
		if (!isValid(value)) {
			throw new IllegalArgumentException("A provider glob matches " + SYNTAX);
		}
	}

	public static boolean isValid(String candidate) {
		return candidate != null && PATTERN.matcher(candidate).matches();
	}

	public boolean matches(ProviderId provider) {
		return PatternMatchUtils.simpleMatch(this.value, provider.value());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
