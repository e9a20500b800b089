package io.snapgate.shipping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.snapgate.testing.OpenApiContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP exchange that the documentation's examples made with the sandbox, page by
 * page, in the order they were answered: what the README and {@code docs/} show callers,
 * as the gateway really answered it.
 * <p>
 * {@link #handOver(String, List, OpenApiContract)} is the one place where a page's
 * exchanges are handed over to be checked against the API's contract.
 */
public final class DocExchanges {

	private static final Map<String, List<DocExchange>> PAGES = new ConcurrentSkipListMap<>();

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DocExchanges() {
	}

	/** The exchanges of every page handed over so far in this JVM, page by page. */
	public static List<DocExchange> all() {
		List<DocExchange> all = new ArrayList<>();
		PAGES.values().forEach(all::addAll);
		return List.copyOf(all);
	}

	/** The exchanges of one page, such as {@code docs/api.md}; empty until it has run. */
	public static List<DocExchange> of(String page) {
		return PAGES.getOrDefault(page, List.of());
	}

	/**
	 * Hands over the exchanges of a page's examples, once they have run: the one place
	 * where they are checked against the API's contract. There must be some; each must be
	 * well formed (a method, a path, a status, and a body that is what its
	 * {@code Content-Type} says; a problem names its status and its code); and each
	 * answer of the API must be what the OpenAPI document declares for its status.
	 * @param page the page, such as {@code docs/api.md}
	 * @param exchanges what its examples sent and were answered, in order
	 * @param contract the OpenAPI document the sandbox served
	 */
	static void handOver(String page, List<DocExchange> exchanges, OpenApiContract contract) {
		assertThat(exchanges).as("the exchanges of the examples of %s", page).isNotEmpty();
		List<String> problems = new ArrayList<>();
		exchanges.forEach((exchange) -> problems.addAll(malformations(exchange)));
		exchanges.stream()
			.filter(DocExchange::toTheApi)
			.forEach((exchange) -> problems.addAll(contract.violations(new OpenApiContract.Exchange(exchange.method(),
					exchange.path(), exchange.status(), exchange.contentType(), exchange.body()))));
		assertThat(problems).as("malformed exchanges of %s", page)
			.withFailMessage(() -> String.join("\n", problems))
			.isEmpty();
		PAGES.put(page, List.copyOf(exchanges));
	}

	private static List<String> malformations(DocExchange exchange) {
		List<String> problems = new ArrayList<>();
		if (!METHODS.contains(exchange.method())) {
			problems.add(exchange + ": no HTTP method");
		}
		if (!exchange.path().startsWith("/")) {
			problems.add(exchange + ": the path is not absolute");
		}
		if (exchange.status() < 100 || exchange.status() > 599) {
			problems.add(exchange + ": no HTTP status");
		}
		if (exchange.body().isEmpty()) {
			return problems;
		}
		String type = exchange.contentType();
		if (type == null) {
			problems.add(exchange + ": a body without a Content-Type");
		}
		else if (type.startsWith("application/json") || type.startsWith("application/problem+json")) {
			try {
				JsonNode body = JSON.readTree(exchange.body());
				if (type.startsWith("application/problem+json")
						&& (body.path("status").asInt() != exchange.status() || !body.path("code").isString())) {
					problems.add(exchange + ": a problem that does not name its status and code: " + exchange.body());
				}
			}
			catch (JacksonException ex) {
				problems.add(exchange + ": " + type + " that is not JSON: " + ex.getOriginalMessage());
			}
		}
		return problems;
	}

}
