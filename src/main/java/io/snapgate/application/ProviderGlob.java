package io.snapgate.application;

import java.util.regex.Pattern;

import io.snapgate.domain.ProviderId;

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
		String id = provider.value();
		int g = 0;
		int i = 0;
		// where the last star was, and how much of the id it has taken so far
		int star = -1;
		int taken = 0;
		while (i < id.length()) {
			if (g < this.value.length() && this.value.charAt(g) == id.charAt(i)) {
				g++;
				i++;
			}
			else if (g < this.value.length() && this.value.charAt(g) == '*') {
				star = g++;
				taken = i;
			}
			else if (star >= 0) {
				g = star + 1;
				i = ++taken;
			}
			else {
				return false;
			}
		}
		while (g < this.value.length() && this.value.charAt(g) == '*') {
			g++;
		}
		return g == this.value.length();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
