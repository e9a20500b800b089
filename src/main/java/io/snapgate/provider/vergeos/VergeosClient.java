package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.UpstreamConnectors;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The VergeOS REST API v4 calls the adapter makes. Every read names its {@code fields} (the server
 * otherwise answers a summary), listings are sorted and paged with {@code limit}/{@code offset}, and
 * filters come only from {@link VergeosFilter}. URI templates keep metric tags low-cardinality.
 */
final class VergeosClient {

	/** The largest page asked for when reading every row of a table. */
	static final int PAGE = 500;

	private static final int MAX_PAGES = 20;

	private static final byte[] EMPTY = new byte[0];

	private final WebClient webClient;

	private final VergeosJson json;

	private final Duration overallTimeout;

	private final Clock clock;

	VergeosClient(WebClient webClient, Duration overallTimeout, Clock clock) {
		this.webClient = webClient;
		this.json = new VergeosJson();
		this.overallTimeout = overallTimeout;
		this.clock = clock;
	}

	/**
	 * A client for the settings' system: its own JDK HTTP client (for the TLS trust and the connect
	 * timeout) under a clone of Boot's builder (for observations and the sandbox host rewrite).
	 * @param property the settings' property prefix, for error messages
	 */
	static VergeosClient create(WebClient.Builder builder, VergeosSettings settings, Clock clock, String property) {
		SSLContext tls = "https".equalsIgnoreCase(settings.requireBaseUrl().getScheme())
				? VergeosTrust.sslContext(settings.verifyTls(), settings.caBundle(), property + ".ca-bundle") : null;
		ClientHttpConnector connector = UpstreamConnectors.create(property, settings.connectTimeout(),
				settings.readTimeout(), tls);
		String base = settings.requireBaseUrl().toString().replaceAll("/+$", "") + "/api/v4";
		WebClient webClient = builder.clone().clientConnector(connector).baseUrl(base).defaultHeaders((headers) -> {
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			headers.setContentType(MediaType.APPLICATION_JSON);
			if (settings.usesApiKey()) {
				headers.setBearerAuth(String.valueOf(settings.apiKey()));
			}
			else {
				headers.setBasicAuth(String.valueOf(settings.username()), String.valueOf(settings.password()));
			}
		}).build();
		return new VergeosClient(webClient, settings.connectTimeout().plus(settings.readTimeout()), clock);
	}

	List<VergeosCloudSnapshotRow> cloudSnapshots(@Nullable VergeosFilter filter, int limit, int offset) {
		return this.json.rows(list("/cloud_snapshots", VergeosCloudSnapshotRow.FIELDS, "-created", filter, limit, offset),
				VergeosCloudSnapshotRow.class);
	}

	Optional<VergeosCloudSnapshotRow> cloudSnapshot(String key) {
		return row("/cloud_snapshots/{key}?fields={fields}", key, VergeosCloudSnapshotRow.FIELDS,
				VergeosCloudSnapshotRow.class);
	}

	/** Every member row of one snapshot, by name. */
	<R extends VergeosMemberRow> List<R> members(VergeosMemberTable<R> table, String snapshotKey) {
		List<R> all = new ArrayList<>();
		VergeosFilter filter = VergeosFilter.eq("cloud_snapshot", Long.parseLong(snapshotKey));
		for (int page = 0; page < MAX_PAGES; page++) {
			List<R> rows = this.json.rows(list("/" + table.table(), VergeosMemberRow.FIELDS, "+name", filter, PAGE,
					page * PAGE), table.rowType());
			all.addAll(rows);
			if (rows.size() < PAGE) {
				break;
			}
		}
		return all;
	}

	<R extends VergeosMemberRow> Optional<R> member(VergeosMemberTable<R> table, String key) {
		return row("/" + table.table() + "/{key}?fields={fields}", key, VergeosMemberRow.FIELDS, table.rowType());
	}

	List<VergeosTaskRow> tasks(VergeosFilter filter, int limit) {
		return this.json.rows(list("/tasks", VergeosTaskRow.FIELDS, null, filter, limit, 0), VergeosTaskRow.class);
	}

	VergeosCreateReply createCloudSnapshot(VergeosNewCloudSnapshot snapshot) {
		Answer answer = exchange(HttpMethod.POST, "/cloud_snapshots", new Object[0], snapshot, VergeosCall.CREATE);
		return this.json.row(answer.body(), VergeosCreateReply.class)
			.orElseGet(() -> new VergeosCreateReply(null, null, null));
	}

	/** @return the HTTP status of the successful answer */
	int deleteCloudSnapshot(String key) {
		return exchange(HttpMethod.DELETE, "/cloud_snapshots/{key}", new Object[] { key }, null, VergeosCall.DELETE)
			.status();
	}

	void recover(VergeosMemberTable<?> table, long memberKey, @Nullable String name) {
		exchange(HttpMethod.POST, "/" + table.actionTable(), new Object[0], VergeosRecoverAction.recover(memberKey, name),
				VergeosCall.RECOVER);
	}

	VergeosSystemRow system() {
		byte[] body = exchange(HttpMethod.GET, "/system?fields={fields}", new Object[] { VergeosSystemRow.FIELDS }, null,
				VergeosCall.READ)
			.body();
		return this.json.row(body, VergeosSystemRow.class)
			.orElseThrow(() -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS answered no system row"));
	}

	private byte[] list(String path, String fields, @Nullable String sort, @Nullable VergeosFilter filter, int limit,
			int offset) {
		StringBuilder template = new StringBuilder(path).append("?fields={fields}");
		List<Object> variables = new ArrayList<>(List.of(fields));
		if (filter != null) {
			template.append("&filter={filter}");
			variables.add(filter.expression());
		}
		if (sort != null) {
			template.append("&sort={sort}");
			variables.add(sort);
		}
		template.append("&limit={limit}&offset={offset}");
		variables.add(limit);
		variables.add(offset);
		return exchange(HttpMethod.GET, template.toString(), variables.toArray(), null, VergeosCall.READ).body();
	}

	private <T> Optional<T> row(String template, String key, String fields, Class<T> type) {
		try {
			byte[] body = exchange(HttpMethod.GET, template, new Object[] { key, fields }, null, VergeosCall.READ).body();
			return this.json.row(body, type);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private Answer exchange(HttpMethod method, String template, Object[] variables, @Nullable Object body,
			VergeosCall call) {
		Answer answer;
		try {
			WebClient.RequestBodySpec request = this.webClient.method(method).uri(template, variables);
			WebClient.RequestHeadersSpec<?> ready = (body != null) ? request.bodyValue(this.json.write(body)) : request;
			answer = ready
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(EMPTY)
					.map((bytes) -> new Answer(response.statusCode().value(),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), bytes)))
				.timeout(this.overallTimeout)
				.block();
		}
		catch (RuntimeException ex) {
			SnapGateException mapped = VergeosErrors.fromTransport(ex);
			if (mapped == null) {
				throw ex;
			}
			throw mapped;
		}
		if (answer == null) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS gave no answer");
		}
		if (answer.status() < 200 || answer.status() > 299) {
			throw VergeosErrors.fromResponse(answer.status(), answer.retryAfter(), this.json.errorText(answer.body()),
					call, this.clock);
		}
		return answer;
	}

	private record Answer(int status, @Nullable String retryAfter, byte[] body) {
	}

}
