package io.snapgate.security;

import java.util.List;
import java.util.Random;

/**
 * A seeded source of hostile and random input: path traversal, encoded separators, quotes
 * and OData operators, control characters, huge values, and plain noise.
 */
final class HostileInputs {

	private static final List<String> NASTY = List.of("../", "..%2F", "%2e%2e", "%2F", "%00", "\u0000", "'", "''", "\"",
			"' or 1 eq 1 or name eq '", ") or (1 eq 1", " eq ", " ne ", " ct ", "$key", "#", "?", "&", "=", ";", "\\",
			"/", "%", "%25", "\r\n", "\t", "\u001b[31m", "${jndi:ldap://x}", "<script>", "{{7*7}}", "\u202e", "😀",
			"\uFFFF", " ", "", "null", "true", "-1", "0", "9".repeat(40), "i-", "v-", "s-", ":", "::");

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:~";

	private final Random random;

	HostileInputs(long seed) {
		this.random = new Random(seed);
	}

	String value() {
		return switch (this.random.nextInt(6)) {
			case 0 -> pick(NASTY);
			case 1 -> pick(NASTY) + word() + pick(NASTY);
			case 2 -> word() + pick(NASTY) + word();
			case 3 -> "x".repeat(1 + this.random.nextInt(this.random.nextBoolean() ? 300 : 70_000));
			case 4 -> noise(1 + this.random.nextInt(40));
			default -> word();
		};
	}

	String word() {
		StringBuilder word = new StringBuilder();
		int length = 1 + this.random.nextInt(20);
		for (int i = 0; i < length; i++) {
			word.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return word.toString();
	}

	String noise(int length) {
		StringBuilder noise = new StringBuilder();
		for (int i = 0; i < length; i++) {
			noise.append((char) this.random.nextInt(0x3000));
		}
		return noise.toString();
	}

	/** A JSON value of any type, sometimes well-formed for the field, sometimes not. */
	String jsonValue() {
		return switch (this.random.nextInt(7)) {
			case 0 -> "null";
			case 1 -> String.valueOf(this.random.nextBoolean());
			case 2 -> String.valueOf(this.random.nextLong());
			case 3 -> "[" + quoted(value()) + "]";
			case 4 -> "{\"a\":" + quoted(value()) + "}";
			default -> quoted(value());
		};
	}

	static String quoted(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	<T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

}
