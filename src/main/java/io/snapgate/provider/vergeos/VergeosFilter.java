package io.snapgate.provider.vergeos;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A VergeOS {@code filter} expression, such as
 * {@code (expires eq 0 or expires gt 1735689600) and
 * name eq 'O''Brien'}. Every filter the adapter sends is built here, and
 * {@link #literal(Object)} is the one function that turns a value into filter text:
 * strings single-quoted with embedded quotes doubled, numbers and booleans bare,
 * {@code null} as the literal {@code null}.
 */
final class VergeosFilter {

	private static final Pattern FIELD = Pattern.compile("\\$?[a-z_][a-z0-9_]*");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final String expression;

	private VergeosFilter(String expression) {
		this.expression = expression;
	}

	static VergeosFilter eq(String field, @Nullable Object value) {
		return compare(field, "eq", value);
	}

	static VergeosFilter ne(String field, @Nullable Object value) {
		return compare(field, "ne", value);
	}

	static VergeosFilter gt(String field, Number value) {
		return compare(field, "gt", value);
	}

	static VergeosFilter lt(String field, Number value) {
		return compare(field, "lt", value);
	}

	/** Case-insensitive "contains". */
	static VergeosFilter contains(String field, String value) {
		return compare(field, "ct", value);
	}

	/** All of the filters; {@code null} when there are none. */
	static @Nullable VergeosFilter allOf(List<VergeosFilter> filters) {
		return filters.isEmpty() ? null : new VergeosFilter(
				filters.stream().map(VergeosFilter::expression).collect(Collectors.joining(" and ")));
	}

	/** Both filters. */
	static VergeosFilter both(VergeosFilter first, VergeosFilter second) {
		return new VergeosFilter(first.expression + " and " + second.expression);
	}

	/** Any of the filters, parenthesized so that it can stand next to {@code and}. */
	static VergeosFilter anyOf(List<VergeosFilter> filters) {
		if (filters.isEmpty()) {
			throw new IllegalArgumentException("anyOf needs at least one filter");
		}
		return new VergeosFilter(
				filters.stream().map(VergeosFilter::expression).collect(Collectors.joining(" or ", "(", ")")));
	}

	/**
	 * The filter text of a value. Strings are single-quoted with each {@code '} doubled;
	 * integers, decimals and booleans are bare; {@code null} is {@code null}.
	 * @throws IllegalArgumentException for any other type, a non-finite number, or a
	 * string with a control character
	 */
	static String literal(@Nullable Object value) {
		return switch (value) {
			case null -> "null";
			case Boolean bool -> bool.toString();
			case Integer number -> number.toString();
			case Long number -> number.toString();
			case Short number -> number.toString();
			case BigInteger number -> number.toString();
			case BigDecimal number -> number.toPlainString();
			case Double number when Double.isFinite(number) -> BigDecimal.valueOf(number).toPlainString();
			case String text when !CONTROL.matcher(text).find() -> "'" + text.replace("'", "''") + "'";
			default ->
				throw new IllegalArgumentException("Not a value a VergeOS filter can carry: " + value.getClass());
		};
	}

	private static VergeosFilter compare(String field, String operator, @Nullable Object value) {
		if (!FIELD.matcher(field).matches()) {
			throw new IllegalArgumentException("Not a VergeOS field name: " + field);
		}
		return new VergeosFilter(field + " " + operator + " " + literal(value));
	}

	String expression() {
		return this.expression;
	}

	@Override
	public String toString() {
		return this.expression;
	}

}
