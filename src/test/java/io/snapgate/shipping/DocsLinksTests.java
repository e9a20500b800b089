package io.snapgate.shipping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README and {@code docs/} leads somewhere: the file exists,
 * and an {@code #anchor} is a heading of the page it points into, as GitHub makes anchors
 * of headings.
 */
class DocsLinksTests {

	private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*])*]\\(([^)\\s]+)\\)");

	private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

	@Test
	void everyRelativeLinkLeadsToAFileAndAHeadingThatExist() {
		List<String> broken = new ArrayList<>();
		for (DocPage page : DocPage.all()) {
			for (Link link : links(page)) {
				String problem = check(page, link);
				if (problem != null) {
					broken.add(page + ":" + link.line() + " links to " + link.target() + ": " + problem);
				}
			}
		}
		assertThat(broken).withFailMessage(() -> String.join("\n", broken)).isEmpty();
	}

	@Test
	void anchorsAreMadeOfHeadingsAsGitHubMakesThem() {
		assertThat(anchors(List.of("# SnapGate", "## Quick start", "### VergeOS: `type: vergeos`",
				"#### What is refused, and why", "## Retries", "## Retries", "## 401, 403 and 404",
				"## Grants per provider ##", "## How [a request](x.md) flows", "## Policies on Baidu (`asp`)")))
			.containsExactly("snapgate", "quick-start", "vergeos-type-vergeos", "what-is-refused-and-why", "retries",
					"retries-1", "401-403-and-404", "grants-per-provider", "how-a-request-flows",
					"policies-on-baidu-asp");
	}

	private static String check(DocPage page, Link link) {
		String target = link.target();
		int hash = target.indexOf('#');
		String file = (hash < 0) ? target : target.substring(0, hash);
		String anchor = (hash < 0) ? null : target.substring(hash + 1);
		Path resolved = file.isEmpty() ? page.path() : resolve(page.path(), file);
		if (!Files.exists(resolved)) {
			return "no file " + resolved;
		}
		if (anchor == null) {
			return null;
		}
		if (!resolved.toString().endsWith(".md")) {
			return "an anchor into a file that is not Markdown";
		}
		Set<String> anchors = anchors(DocPage.read(resolved).lines());
		return anchors.contains(anchor) ? null : "no heading #" + anchor + " in " + resolved;
	}

	private static Path resolve(Path page, String file) {
		Path parent = page.getParent();
		return ((parent != null) ? parent.resolve(file) : Path.of(file)).normalize();
	}

	private static List<Link> links(DocPage page) {
		List<Link> links = new ArrayList<>();
		boolean inCode = false;
		for (int i = 0; i < page.lines().size(); i++) {
			String line = page.lines().get(i);
			if (line.startsWith("```")) {
				inCode = !inCode;
				continue;
			}
			if (inCode) {
				continue;
			}
			Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
			while (link.find()) {
				String target = link.group(1);
				if (!target.matches("^[a-z]+:.*")) {
					links.add(new Link(i + 1, target));
				}
			}
		}
		return links;
	}

	/** The anchors GitHub gives a page's headings, and any HTML anchors it names. */
	static Set<String> anchors(List<String> lines) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean inCode = false;
		for (String line : lines) {
			if (line.startsWith("```")) {
				inCode = !inCode;
				continue;
			}
			if (inCode) {
				continue;
			}
			Matcher html = HTML_ANCHOR.matcher(line);
			while (html.find()) {
				anchors.add(html.group(1));
			}
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String slug = slug(heading.group(1));
				int count = seen.merge(slug, 1, Integer::sum);
				anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
			}
		}
		return anchors;
	}

	/**
	 * GitHub's slug of a heading: its text as rendered (links by their text, no code or
	 * emphasis marks), in lower case, without punctuation but hyphens and underscores,
	 * each space a hyphen.
	 */
	private static String slug(String heading) {
		String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
	}

	private record Link(int line, String target) {
	}

}
