package io.snapgate.sandbox.vergeos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a VergeOS table read: {@code filter}, {@code sort}
 * ({@code -field} or {@code +field}), {@code offset} and {@code limit} ({@code 0} or none
 * for all), and {@code fields} (without it, or with {@code summary}, only a summary is
 * answered, as VergeOS does; a join is named with an alias:
 * {@code machine#status#running as running}).
 *
 * @param filter the filter text, if any
 * @param sort the sort order, if any
 * @param limit how many rows at most
 * @param offset how many rows to skip
 * @param fields which fields to answer
 */
record VergeosTableQuery(@Nullable String filter, @Nullable String sort, @Nullable String limit,
		@Nullable String offset, @Nullable String fields) {

	private static final List<String> SUMMARY = List.of("$key", "name");

	private static final Pattern ALIASED = Pattern.compile("([a-z_$][a-z0-9_#]*) as ([a-z_][a-z0-9_]*)");

	List<Map<String, @Nullable Object>> apply(List<Map<String, @Nullable Object>> rows, Set<String> columns) {
		Map<String, String> selected = fields(this.fields, columns);
		List<Map<String, @Nullable Object>> result = new ArrayList<>(rows);
		if (this.filter != null && !this.filter.isBlank()) {
			result.removeIf(VergeosFilterParser.parse(this.filter, columns).negate());
		}
		if (this.sort != null && !this.sort.isBlank()) {
			result.sort(order(this.sort, columns));
		}
		int skip = number("offset", this.offset);
		int most = number("limit", this.limit);
		return result.stream()
			.skip(skip)
			.limit((most == 0) ? Long.MAX_VALUE : most)
			.map((row) -> project(row, selected))
			.toList();
	}

	Map<String, @Nullable Object> one(Map<String, @Nullable Object> row, Set<String> columns) {
		return project(row, fields(this.fields, columns));
	}

	/** The columns to answer, each under the name it is answered by. */
	private static Map<String, String> fields(@Nullable String fields, Set<String> columns) {
		Map<String, String> selected = new LinkedHashMap<>();
		if (fields == null || fields.isBlank() || fields.equals("summary")) {
			SUMMARY.stream().filter(columns::contains).forEach((column) -> selected.put(column, column));
			return selected;
		}
		if (fields.equals("all") || fields.equals("most")) {
			columns.stream()
				.filter((column) -> !column.contains("#"))
				.forEach((column) -> selected.put(column, column));
			return selected;
		}
		selected.put("$key", "$key");
		for (String field : Arrays.stream(fields.split(",")).map(String::strip).toList()) {
			Matcher aliased = ALIASED.matcher(field);
			String column = aliased.matches() ? aliased.group(1) : field;
			String name = aliased.matches() ? aliased.group(2) : field;
			if (!columns.contains(column) || (column.contains("#") && !aliased.matches())) {
				throw VergeosSandboxException.badRequest("Invalid field: " + field);
			}
			selected.putIfAbsent(name, column);
		}
		return selected;
	}

	private static Comparator<Map<String, @Nullable Object>> order(String sort, Set<String> columns) {
		boolean descending = sort.startsWith("-");
		String field = (descending || sort.startsWith("+")) ? sort.substring(1) : sort;
		if (!columns.contains(field)) {
			throw VergeosSandboxException.badRequest("Invalid sort field: " + field);
		}
		Comparator<Map<String, @Nullable Object>> ascending = Comparator.comparing((row) -> sortKey(row.get(field)),
				Comparator.nullsFirst(Comparator.naturalOrder()));
		return descending ? ascending.reversed() : ascending;
	}

	private static @Nullable String sortKey(@Nullable Object value) {
		if (value instanceof Number number) {
			// fixed width, so that numbers sort as numbers
			return String.format("%020d", number.longValue());
		}
		return (value != null) ? value.toString() : null;
	}

	private static int number(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		if (!value.matches("[0-9]{1,9}")) {
			throw VergeosSandboxException.badRequest("Invalid " + name + ": " + value);
		}
		return Integer.parseInt(value);
	}

	private static Map<String, @Nullable Object> project(Map<String, @Nullable Object> row,
			Map<String, String> fields) {
		Map<String, @Nullable Object> projected = new LinkedHashMap<>();
		fields.forEach((name, column) -> projected.put(name, row.get(column)));
		return projected;
	}

}
