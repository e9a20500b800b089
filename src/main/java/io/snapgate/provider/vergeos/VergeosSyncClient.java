package io.snapgate.provider.vergeos;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The VergeOS calls of Site Sync: {@code site_syncs_outgoing} and its actions, its queue
 * and the remote site's snapshots, through the {@link VergeosClient}'s exchange.
 */
final class VergeosSyncClient {

	private static final int MAX_ROWS = 100;

	private final VergeosClient client;

	VergeosSyncClient(VergeosClient client) {
		this.client = client;
	}

	Optional<VergeosOutgoingSyncRow> outgoingSync(String name) {
		return VergeosJson
			.rows(this.client.list("/site_syncs_outgoing", VergeosOutgoingSyncRow.FIELDS, null,
					VergeosFilter.eq("name", name), 2, 0), VergeosOutgoingSyncRow.class)
			.stream()
			.filter((row) -> row.key() != null)
			.findFirst();
	}

	/** Every outgoing sync, by key. */
	Map<String, VergeosOutgoingSyncRow> outgoingSyncs() {
		Map<String, VergeosOutgoingSyncRow> byKey = new LinkedHashMap<>();
		VergeosJson
			.rows(this.client.list("/site_syncs_outgoing", VergeosOutgoingSyncRow.FIELDS, "name", null, MAX_ROWS, 0),
					VergeosOutgoingSyncRow.class)
			.forEach((row) -> {
				if (row.key() != null) {
					byKey.put(row.key(), row);
				}
			});
		return byKey;
	}

	/** The outgoing syncs the periods send their snapshots on, in one request. */
	List<VergeosSyncLinkRow> links(List<String> periodKeys) {
		if (periodKeys.isEmpty()) {
			return List.of();
		}
		VergeosFilter periods = VergeosFilter
			.anyOf(periodKeys.stream().map((key) -> VergeosFilter.eq("profile_period", Long.parseLong(key))).toList());
		return VergeosJson.rows(this.client.list("/site_syncs_outgoing_profile_periods", VergeosSyncLinkRow.FIELDS,
				null, periods, MAX_ROWS, 0), VergeosSyncLinkRow.class);
	}

	void addLink(VergeosSyncLinkBody link) {
		this.client.send(HttpMethod.POST, "/site_syncs_outgoing_profile_periods", Map.of(), link,
				VergeosOperation.SYNC_LINK);
	}

	void deleteLink(String key) {
		this.client.send(HttpMethod.DELETE, "/site_syncs_outgoing_profile_periods/{key}", Map.of("key", key), null,
				VergeosOperation.SYNC_LINK);
	}

	/** The remote site's newest snapshots sent on a sync, newest first. */
	List<VergeosRemoteSnapRow> newestRemoteSnapshots(String sync) {
		return VergeosJson.rows(
				this.client.list("/site_syncs_outgoing_remote_snaps", VergeosRemoteSnapRow.FIELDS, "-created",
						VergeosFilter.eq("site_syncs_outgoing", Long.parseLong(sync)), MAX_ROWS, 0),
				VergeosRemoteSnapRow.class);
	}

	/** The queue entries of a cloud snapshot on a sync, newest first. */
	List<VergeosSyncQueueRow> queued(String sync, String cloudSnapshot) {
		return VergeosJson
			.rows(this.client.list("/site_syncs_outgoing_queue", VergeosSyncQueueRow.FIELDS, "-timestamp",
					VergeosFilter.both(VergeosFilter.eq("site_syncs_outgoing", Long.parseLong(sync)),
							VergeosFilter.eq("cloud_snapshot", Long.parseLong(cloudSnapshot))),
					MAX_ROWS, 0), VergeosSyncQueueRow.class)
			.stream()
			.sorted(Comparator
				.comparingLong((VergeosSyncQueueRow row) -> (row.timestamp() != null) ? row.timestamp() : 0L)
				.reversed())
			.toList();
	}

	/** The remote site's snapshots of that name, newest first. */
	List<VergeosRemoteSnapRow> remoteSnapshots(String sync, String name) {
		return VergeosJson.rows(this.client.list("/site_syncs_outgoing_remote_snaps", VergeosRemoteSnapRow.FIELDS,
				"-created", VergeosFilter.both(VergeosFilter.eq("site_syncs_outgoing", Long.parseLong(sync)),
						VergeosFilter.eq("name", name)),
				MAX_ROWS, 0), VergeosRemoteSnapRow.class);
	}

	void addToQueue(String sync, String cloudSnapshot, @Nullable Long retentionSeconds) {
		this.client.send(HttpMethod.POST, "/site_syncs_outgoing_actions", Map.of(),
				VergeosSyncAction.addToQueue(Long.parseLong(sync), Long.parseLong(cloudSnapshot), retentionSeconds),
				VergeosOperation.SYNC);
	}

}
