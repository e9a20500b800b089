package io.snapgate.shipping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The runnable blocks of a page as one bash script, in order, so that what one block sets
 * (an id read from an answer) the next one uses. {@code localhost:8080} is the sandbox
 * the script is run against, and {@code curl} is a function that labels each request with
 * the page and the line of the comment above it, so that the answers can be told apart.
 * <p>
 * A comment that starts with a status, and optionally a problem code, states what the
 * requests under it are answered, up to the next comment or blank line:
 * {@code # 404 MEMBER_NOT_FOUND: the snapshot holds no such VM}, or {@code # 201: ...}.
 *
 * @param text the script, for a sandbox at {@code localhost:8080}
 * @param expectations by the line of its comment, what the requests under it are answered
 */
record DocScript(String text, Map<Integer, Expectation> expectations) {

	/** The header that labels each request of an example: {@code <page>:<line>}. */
	static final String LABEL = "X-Doc-Example";

	private static final Pattern EXPECTATION = Pattern.compile("^# (\\d{3})(?: ([A-Z][A-Z0-9_]+))?: .*$");

	static DocScript of(DocPage page) {
		StringBuilder script = new StringBuilder();
		script.append("set -Eeuo pipefail\n");
		script.append("__doc_where='").append(page.name()).append(":0'\n");
		script.append("curl() { command curl -H \"").append(LABEL).append(": $__doc_where\" \"$@\"; }\n");
		script.append("trap 'echo \"The example at $__doc_where failed with status $?\" >&2' ERR\n");
		Map<Integer, Expectation> expectations = new LinkedHashMap<>();
		for (DocPage.Block block : page.runnable()) {
			script.append(where(page, block.firstLine() - 1));
			for (int i = 0; i < block.lines().size(); i++) {
				String line = block.lines().get(i);
				int number = block.firstLine() + i;
				script.append(line).append('\n');
				if (line.startsWith("#") || line.isBlank()) {
					script.append(where(page, number));
					Matcher expectation = EXPECTATION.matcher(line);
					if (expectation.matches()) {
						expectations.put(number,
								new Expectation(number, Integer.parseInt(expectation.group(1)), expectation.group(2)));
					}
				}
			}
		}
		return new DocScript(script.toString(), expectations);
	}

	/** The script for a sandbox on this port. */
	String on(int port) {
		return this.text.replace("localhost:8080", "localhost:" + port);
	}

	private static String where(DocPage page, int line) {
		return "__doc_where='" + page.name() + ":" + line + "'\n";
	}

	/**
	 * What the requests under a comment are answered.
	 *
	 * @param line the comment's line
	 * @param status the HTTP status
	 * @param code the problem's {@code code}, when the comment names one
	 */
	record Expectation(int line, int status, @Nullable String code) {

		@Override
		public String toString() {
			return this.status + ((this.code != null) ? " " + this.code : "");
		}

	}

}
