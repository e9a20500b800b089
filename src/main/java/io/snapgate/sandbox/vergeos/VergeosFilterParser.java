package io.snapgate.sandbox.vergeos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Parses the subset of VergeOS's filter language that SnapGate emits: comparisons with
 * {@code eq}, {@code ne}, {@code gt}, {@code lt}, {@code ge}, {@code le} and {@code ct}
 * (contains, ignoring case), joined by {@code and} (binding tighter) and {@code or}, with
 * parentheses; values are single-quoted strings (a doubled quote stands for one),
 * numbers, {@code true}, {@code false} and {@code null}. Anything else is refused, as a
 * 400 would be.
 */
final class VergeosFilterParser {

	private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "lt", "ge", "le", "ct");

	private final List<Token> tokens;

	private final Set<String> columns;

	private int next;

	private VergeosFilterParser(List<Token> tokens, Set<String> columns) {
		this.tokens = tokens;
		this.columns = columns;
	}

	/**
	 * @param columns the fields the filter may name
	 * @throws VergeosSandboxException (400) when the filter is not in the supported
	 * subset
	 */
	static Predicate<Map<String, @Nullable Object>> parse(String filter, Set<String> columns) {
		VergeosFilterParser parser = new VergeosFilterParser(tokenize(filter), columns);
		Predicate<Map<String, @Nullable Object>> predicate = parser.expression();
		if (parser.next != parser.tokens.size()) {
			throw invalid("unexpected '" + parser.tokens.get(parser.next).text() + "'");
		}
		return predicate;
	}

	private Predicate<Map<String, @Nullable Object>> expression() {
		Predicate<Map<String, @Nullable Object>> left = conjunction();
		while (nextIsWord("or")) {
			this.next++;
			left = left.or(conjunction());
		}
		return left;
	}

	private Predicate<Map<String, @Nullable Object>> conjunction() {
		Predicate<Map<String, @Nullable Object>> left = primary();
		while (nextIsWord("and")) {
			this.next++;
			left = left.and(primary());
		}
		return left;
	}

	private Predicate<Map<String, @Nullable Object>> primary() {
		Token token = take("a comparison");
		if (token.kind() == Kind.OPEN) {
			Predicate<Map<String, @Nullable Object>> inner = expression();
			if (take("')'").kind() != Kind.CLOSE) {
				throw invalid("missing ')'");
			}
			return inner;
		}
		if (token.kind() != Kind.WORD || !this.columns.contains(token.text())) {
			throw invalid("unknown field '" + token.text() + "'");
		}
		String field = token.text();
		Token operator = take("an operator");
		String op = operator.text().toLowerCase(Locale.ROOT);
		if (operator.kind() != Kind.WORD || !OPERATORS.contains(op)) {
			throw invalid("unsupported operator '" + operator.text() + "'");
		}
		@Nullable Object value = literal(take("a value"));
		if (op.equals("ct") && !(value instanceof String)) {
			throw invalid("ct needs a quoted string");
		}
		return (row) -> compare(row.get(field), op, value);
	}

	private static @Nullable Object literal(Token token) {
		return switch (token.kind()) {
			case STRING -> token.text();
			case NUMBER -> new BigDecimal(token.text());
			case WORD -> switch (token.text().toLowerCase(Locale.ROOT)) {
				case "true" -> true;
				case "false" -> false;
				case "null" -> null;
				default -> throw invalid("'" + token.text() + "' is not a value; quote strings");
			};
			default -> throw invalid("expected a value, found '" + token.text() + "'");
		};
	}

	private static boolean compare(@Nullable Object actual, String op, @Nullable Object expected) {
		if (expected == null || actual == null) {
			return switch (op) {
				case "eq" -> Objects.equals(actual, expected);
				case "ne" -> !Objects.equals(actual, expected);
				default -> false;
			};
		}
		if (op.equals("ct")) {
			return actual.toString().toLowerCase(Locale.ROOT).contains(expected.toString().toLowerCase(Locale.ROOT));
		}
		int order;
		if (expected instanceof BigDecimal number) {
			BigDecimal value = asNumber(actual);
			if (value == null) {
				return op.equals("ne");
			}
			order = value.compareTo(number);
		}
		else if (expected instanceof Boolean bool) {
			if (!(actual instanceof Boolean flag)) {
				return op.equals("ne");
			}
			order = flag.compareTo(bool);
		}
		else {
			order = actual.toString().compareTo(expected.toString());
		}
		return switch (op) {
			case "eq" -> order == 0;
			case "ne" -> order != 0;
			case "gt" -> order > 0;
			case "lt" -> order < 0;
			case "ge" -> order >= 0;
			default -> order <= 0;
		};
	}

	private static @Nullable BigDecimal asNumber(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		try {
			return new BigDecimal(value.toString());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private boolean nextIsWord(String word) {
		return this.next < this.tokens.size() && this.tokens.get(this.next).kind() == Kind.WORD
				&& this.tokens.get(this.next).text().equalsIgnoreCase(word);
	}

	private Token take(String expected) {
		if (this.next >= this.tokens.size()) {
			throw invalid("expected " + expected + " at the end");
		}
		return this.tokens.get(this.next++);
	}

	private static List<Token> tokenize(String filter) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < filter.length()) {
			char c = filter.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')') {
				tokens.add(new Token((c == '(') ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
				i++;
			}
			else if (c == '\'') {
				StringBuilder text = new StringBuilder();
				i++;
				while (true) {
					if (i >= filter.length()) {
						throw invalid("unterminated string");
					}
					if (filter.charAt(i) == '\'') {
						if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
							text.append('\'');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					text.append(filter.charAt(i++));
				}
				tokens.add(new Token(Kind.STRING, text.toString()));
			}
			else if (Character.isDigit(c)
					|| (c == '-' && i + 1 < filter.length() && Character.isDigit(filter.charAt(i + 1)))) {
				int start = i++;
				while (i < filter.length() && (Character.isDigit(filter.charAt(i)) || filter.charAt(i) == '.')) {
					i++;
				}
				String number = filter.substring(start, i);
				if (!number.matches("-?[0-9]+(\\.[0-9]+)?")) {
					throw invalid("bad number '" + number + "'");
				}
				tokens.add(new Token(Kind.NUMBER, number));
			}
			else if (c == '$' || c == '_' || Character.isLetter(c)) {
				int start = i++;
				while (i < filter.length()
						&& (filter.charAt(i) == '_' || Character.isLetterOrDigit(filter.charAt(i)))) {
					i++;
				}
				tokens.add(new Token(Kind.WORD, filter.substring(start, i)));
			}
			else {
				throw invalid("unexpected character '" + c + "'");
			}
		}
		return tokens;
	}

	private static VergeosSandboxException invalid(String why) {
		return VergeosSandboxException.badRequest("Invalid filter: " + why);
	}

	private enum Kind {

		OPEN, CLOSE, STRING, NUMBER, WORD

	}

	private record Token(Kind kind, String text) {
	}

}
