package io.snapgate.shipping;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana {@code label_values(...)} query)
 * reads. What is not a metric name is taken out first: strings, label matchers, ranges,
 * Grafana variables, grouping clauses; then every identifier left that is not a function,
 * an aggregation, a keyword or part of a number is a metric name.
 */
final class PromQlMetricNames {

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,)]+?)\\s*(,[^)]*)?\\)");

	private static final Pattern STRINGS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");

	private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[A-Za-z_:][A-Za-z0-9_:]*(?![\\w:])");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset", "inf", "nan", "e");

	private PromQlMetricNames() {
	}

	static Set<String> of(String expression) {
		String text = LABEL_VALUES.matcher(expression).replaceAll("$1");
		text = STRINGS.matcher(text).replaceAll(" ");
		text = VARIABLES.matcher(text).replaceAll(" ");
		text = MATCHERS.matcher(text).replaceAll(" ");
		text = RANGES.matcher(text).replaceAll(" ");
		text = GROUPING.matcher(text).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(text);
		while (identifier.find()) {
			String name = identifier.group();
			boolean called = text.substring(identifier.end()).stripLeading().startsWith("(");
			if (!called && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

}
