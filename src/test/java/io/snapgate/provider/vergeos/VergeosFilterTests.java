package io.snapgate.provider.vergeos;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VergeosFilterTests {

	@Test
	void stringsAreSingleQuotedWithEmbeddedQuotesDoubled() {
		assertThat(VergeosFilter.literal("O'Brien")).isEqualTo("'O''Brien'");
		assertThat(VergeosFilter.literal("''")).isEqualTo("''''''");
		assertThat(VergeosFilter.literal("")).isEqualTo("''");
		assertThat(VergeosFilter.eq("name", "x' or name ne '")).hasToString("name eq 'x'' or name ne '''");
	}

	@Test
	void numbersAndBooleansAreBare() {
		assertThat(VergeosFilter.literal(42)).isEqualTo("42");
		assertThat(VergeosFilter.literal(1735689600L)).isEqualTo("1735689600");
		assertThat(VergeosFilter.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(VergeosFilter.literal(2.5d)).isEqualTo("2.5");
		assertThat(VergeosFilter.literal(true)).isEqualTo("true");
		assertThat(VergeosFilter.eq("cloud_snapshot", 5L)).hasToString("cloud_snapshot eq 5");
	}

	@Test
	void nullIsTheNullLiteral() {
		assertThat(VergeosFilter.literal(null)).isEqualTo("null");
		assertThat(VergeosFilter.eq("task", null)).hasToString("task eq null");
	}

	@Test
	void valuesThatCannotBeWrittenSafelyAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> VergeosFilter.literal(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> VergeosFilter.literal("line\nbreak"));
		assertThatIllegalArgumentException().isThrownBy(() -> VergeosFilter.literal(new Object()));
		assertThatIllegalArgumentException().isThrownBy(() -> VergeosFilter.eq("name eq 'x' or name", "y"));
	}

	@Test
	void alternativesAreParenthesizedSoThatTheyComposeWithAnd() {
		VergeosFilter notExpired = VergeosFilter
			.anyOf(List.of(VergeosFilter.eq("expires", 0), VergeosFilter.gt("expires", 1735689600L)));
		VergeosFilter filter = VergeosFilter
			.allOf(List.of(notExpired, VergeosFilter.eq("name", "a"), VergeosFilter.contains("description", "tok")));

		assertThat(filter)
			.hasToString("(expires eq 0 or expires gt 1735689600) and name eq 'a' and description ct 'tok'");
		assertThat(VergeosFilter.allOf(List.of())).isNull();
		assertThat(VergeosFilter.eq("$key", 7L)).hasToString("$key eq 7");
	}

}
