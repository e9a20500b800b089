package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.Upstream;
import io.snapgate.provider.UpstreamConnectors;
import io.snapgate.provider.UpstreamExchange;
import io.snapgate.provider.UpstreamJson;
import io.snapgate.provider.UpstreamReply;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The VergeOS REST API v4 calls the adapter makes. Every read names its {@code fields}
 * (the server otherwise answers a summary), listings are sorted and paged with
 * {@code limit}/{@code offset}, and filters come only from {@link VergeosFilter}.
 */
final class VergeosClient {

	/** The largest page asked for when reading every row of a table. */
	static final int PAGE = 500;

	static final Upstream UPSTREAM = new Upstream("VergeOS", null, MediaType.APPLICATION_JSON_VALUE,
			"is its certificate trusted (see ca-bundle)?");

	private static final int MAX_PAGES = 20;

	private final UpstreamExchange exchange;

	private final Clock clock;

	VergeosClient(UpstreamExchange exchange, Clock clock) {
		this.exchange = exchange;
		this.clock = clock;
	}

	/**
	 * A client for the settings' system: a connection pool of its own (for the TLS trust
	 * and the timeouts) under a clone of Boot's builder (for observations and the sandbox
	 * host rewrite).
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
		return new VergeosClient(
				new UpstreamExchange(webClient, UPSTREAM, settings.connectTimeout().plus(settings.readTimeout())),
				clock);
	}

	List<VergeosCloudSnapshotRow> cloudSnapshots(@Nullable VergeosFilter filter, int limit, int offset) {
		return VergeosJson.rows(
				list("/cloud_snapshots", VergeosCloudSnapshotRow.FIELDS, "-created", filter, limit, offset),
				VergeosCloudSnapshotRow.class);
	}

	/**
	 * The newest cloud snapshot that a schedule took: one that names its profile (one
	 * taken by hand leaves it empty, {@code null} or {@code 0}).
	 */
	Optional<VergeosCloudSnapshotRow> newestScheduledSnapshot() {
		VergeosFilter scheduled = VergeosFilter
			.allOf(List.of(VergeosFilter.ne("snapshot_profile", null), VergeosFilter.ne("snapshot_profile", 0)));
		return VergeosJson
			.rows(list("/cloud_snapshots", VergeosCloudSnapshotRow.PROVENANCE_FIELDS, "-created", scheduled, 1, 0),
					VergeosCloudSnapshotRow.class)
			.stream()
			.findFirst();
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
			List<R> rows = VergeosJson.rows(
					list("/" + table.table(), VergeosMemberRow.FIELDS, "+name", filter, PAGE, page * PAGE),
					table.rowType());
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

	/**
	 * The VMs or tenants (as the table says) of this name: at most two, enough to tell.
	 * Snapshots of VMs and tenants are rows of the same tables, and one may carry the
	 * name, so only rows that are no snapshot count.
	 */
	List<VergeosMachineRow> copiesNamed(VergeosMemberTable<?> table, String name) {
		VergeosFilter named = VergeosFilter.both(VergeosFilter.eq("name", name),
				VergeosFilter.eq("is_snapshot", false));
		return VergeosJson.rows(list("/" + table.copyTable(), VergeosMachineRow.FIELDS, null, named, 2, 0),
				VergeosMachineRow.class);
	}

	List<VergeosTaskRow> tasks(VergeosFilter filter, int limit) {
		return VergeosJson.rows(list("/tasks", VergeosTaskRow.FIELDS, null, filter, limit, 0), VergeosTaskRow.class);
	}

	VergeosCreateReply createCloudSnapshot(VergeosNewCloudSnapshot snapshot) {
		UpstreamReply reply = send(HttpMethod.POST, "/cloud_snapshots", Map.of(), snapshot, VergeosOperation.CREATE);
		return VergeosJson.row(reply.body(), VergeosCreateReply.class)
			.orElseGet(() -> new VergeosCreateReply(null, null, null));
	}

	/** Sends what the change holds; VergeOS's answer (often empty) is not read. */
	void updateCloudSnapshot(String key, VergeosCloudSnapshotChange change) {
		send(HttpMethod.PUT, "/cloud_snapshots/{key}", Map.of("key", key), change, VergeosOperation.UPDATE);
	}

	/**
	 * @return the HTTP status of the successful answer
	 */
	int deleteCloudSnapshot(String key) {
		return send(HttpMethod.DELETE, "/cloud_snapshots/{key}", Map.of("key", key), null, VergeosOperation.DELETE)
			.status();
	}

	void recover(VergeosMemberTable<?> table, long memberKey, @Nullable String name) {
		send(HttpMethod.POST, "/" + table.actionTable(), Map.of(), VergeosRecoverAction.recover(memberKey, name),
				VergeosOperation.RECOVER);
	}

	/** Profiles by name, one page of them. */
	List<VergeosProfileRow> profiles(@Nullable VergeosFilter filter, int limit, int offset) {
		return VergeosJson.rows(list("/snapshot_profiles", VergeosProfileRow.FIELDS, "+name", filter, limit, offset),
				VergeosProfileRow.class);
	}

	Optional<VergeosProfileRow> profile(String key) {
		return row("/snapshot_profiles/{key}?fields={fields}", key, VergeosProfileRow.FIELDS, VergeosProfileRow.class);
	}

	VergeosCreateReply createProfile(VergeosProfileBody profile) {
		UpstreamReply reply = send(HttpMethod.POST, "/snapshot_profiles", Map.of(), profile,
				VergeosOperation.POLICY_CREATE);
		return VergeosJson.row(reply.body(), VergeosCreateReply.class)
			.orElseGet(() -> new VergeosCreateReply(null, null, null));
	}

	void updateProfile(String key, VergeosProfileBody change) {
		send(HttpMethod.PUT, "/snapshot_profiles/{key}", Map.of("key", key), change, VergeosOperation.POLICY_CHANGE);
	}

	/** Deletes a profile through its action table; its periods must be gone first. */
	void deleteProfile(String key) {
		send(HttpMethod.POST, "/snapshot_profile_actions", Map.of(), VergeosProfileAction.delete(key),
				VergeosOperation.POLICY_DELETE);
	}

	/** Every period that matches, by name. */
	List<VergeosPeriodRow> periods(VergeosFilter filter) {
		List<VergeosPeriodRow> all = new ArrayList<>();
		for (int page = 0; page < MAX_PAGES; page++) {
			List<VergeosPeriodRow> rows = VergeosJson.rows(
					list("/snapshot_profile_periods", VergeosPeriodRow.FIELDS, "+name", filter, PAGE, page * PAGE),
					VergeosPeriodRow.class);
			all.addAll(rows);
			if (rows.size() < PAGE) {
				break;
			}
		}
		return all;
	}

	VergeosCreateReply createPeriod(VergeosPeriodBody period) {
		UpstreamReply reply = send(HttpMethod.POST, "/snapshot_profile_periods", Map.of(), period,
				VergeosOperation.PERIOD_WRITE);
		return VergeosJson.row(reply.body(), VergeosCreateReply.class)
			.orElseGet(() -> new VergeosCreateReply(null, null, null));
	}

	void updatePeriod(String key, VergeosPeriodBody change) {
		send(HttpMethod.PUT, "/snapshot_profile_periods/{key}", Map.of("key", key), change,
				VergeosOperation.PERIOD_WRITE);
	}

	void deletePeriod(String key) {
		send(HttpMethod.DELETE, "/snapshot_profile_periods/{key}", Map.of("key", key), null,
				VergeosOperation.PERIOD_WRITE);
	}

	VergeosSystemRow system() {
		byte[] body = send(HttpMethod.GET, "/system?fields={fields}", Map.of("fields", VergeosSystemRow.FIELDS), null,
				VergeosOperation.READ)
			.body();
		return VergeosJson.row(body, VergeosSystemRow.class)
			.orElseThrow(() -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS answered no system row"));
	}

	/** One page of a table read, with its fields named, filtered and sorted as given. */
	byte[] list(String path, String fields, @Nullable String sort, @Nullable VergeosFilter filter, int limit,
			int offset) {
		StringBuilder template = new StringBuilder(path).append("?fields={fields}");
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("fields", fields);
		if (filter != null) {
			template.append("&filter={filter}");
			variables.put("filter", filter.expression());
		}
		if (sort != null) {
			template.append("&sort={sort}");
			variables.put("sort", sort);
		}
		template.append("&limit={limit}&offset={offset}");
		variables.put("limit", limit);
		variables.put("offset", offset);
		return send(HttpMethod.GET, template.toString(), variables, null, VergeosOperation.READ).body();
	}

	/** One row; empty when VergeOS has none of that key. */
	<T> Optional<T> row(String template, String key, String fields, Class<T> type) {
		try {
			byte[] body = send(HttpMethod.GET, template, Map.of("key", key, "fields", fields), null,
					VergeosOperation.READ)
				.body();
			return VergeosJson.row(body, type);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** One request; an answer that is no success is thrown as the operation says. */
	UpstreamReply send(HttpMethod method, String template, Map<String, ?> variables, @Nullable Object body,
			VergeosOperation operation) {
		UpstreamReply reply = this.exchange.exchange(method, template, variables,
				(body != null) ? UpstreamJson.write(body) : null, operation.action());
		if (!reply.isSuccess()) {
			throw VergeosErrors.fromResponse(reply.status(), reply.retryAfter(this.clock),
					VergeosJson.errorText(reply.body()), operation);
		}
		return reply;
	}

}
