package io.snapgate.sandbox.vergeos;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VergeosFilterParserTests {

	private static final Set<String> COLUMNS = Set.of("$key", "name", "description", "expires", "created", "immutable",
			"task", "cloud_snapshot");

	private final Map<String, @Nullable Object> row = row(12L, "O'Brien", "nightly [snapgate:ABC]", 0L, 1000L, true,
			null);

	@Test
	void comparesNumbersStringsBooleansAndNull() {
		assertThat(matches("$key eq 12")).isTrue();
		assertThat(matches("$key eq 12.0")).isTrue();
		assertThat(matches("$key ne 12")).isFalse();
		assertThat(matches("created gt 999 and created lt 1001 and created ge 1000 and created le 1000")).isTrue();
		assertThat(matches("name eq 'O''Brien'")).isTrue();
		assertThat(matches("name eq 'o''brien'")).isFalse();
		assertThat(matches("immutable eq true")).isTrue();
		assertThat(matches("immutable eq false")).isFalse();
		assertThat(matches("task eq null")).isTrue();
		assertThat(matches("task ne null")).isFalse();
		assertThat(matches("task gt 5")).isFalse();
	}

	@Test
	void containsIgnoresCase() {
		assertThat(matches("description ct 'snapgate:abc'")).isTrue();
		assertThat(matches("description ct 'weekly'")).isFalse();
	}

	@Test
	void andBindsTighterThanOrAndParenthesesGroup() {
		assertThat(matches("$key eq 1 or $key eq 12 and name eq 'x'")).isFalse();
		assertThat(matches("($key eq 1 or $key eq 12) and name eq 'O''Brien'")).isTrue();
		assertThat(matches("(expires eq 0 or expires gt 2000) and (created lt 5 or (immutable eq true))")).isTrue();
		assertThat(matches("$key eq 12 AND name eq 'O''Brien'")).isTrue();
	}

	@Test
	void whatTheSubsetDoesNotCoverIsRefused() {
		for (String bad : new String[] { "name bw 'O'", "name like 'O%'", "name eq 'open", "colour eq 'red'",
				"name eq O", "($key eq 1", "$key eq 1)", "$key eq 1 or", "$key 1", "name eq 'a' name eq 'b'",
				"$key in (1, 2)", "$key eq 1; drop" }) {
			assertThatExceptionOfType(VergeosSandboxException.class).as(bad)
				.isThrownBy(() -> VergeosFilterParser.parse(bad, COLUMNS))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
		}
	}

	private boolean matches(String filter) {
		Predicate<Map<String, @Nullable Object>> predicate = VergeosFilterParser.parse(filter, COLUMNS);
		return predicate.test(this.row);
	}

	private static Map<String, @Nullable Object> row(long key, String name, String description, long expires,
			long created, boolean immutable, @Nullable Long task) {
		Map<String, @Nullable Object> row = new HashMap<>();
		row.put("$key", key);
		row.put("name", name);
		row.put("description", description);
		row.put("expires", expires);
		row.put("created", created);
		row.put("immutable", immutable);
		row.put("task", task);
		return row;
	}

}
