package io.snapgate.sandbox.vergeos;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows of the emulated Site Sync tables: the outgoing syncs, their queues, the
 * snapshots they see at the remote site, and the profile periods linked to them.
 */
final class VergeosSandboxSyncRows {

	private VergeosSandboxSyncRows() {
	}

	/**
	 * A row of {@code site_syncs_outgoing}: a sync that sends cloud snapshots to the
	 * emulated system {@code remoteSite}, reached at {@code url}. Enabled, it is
	 * {@code syncing} and {@code online}; disabled, {@code offline} in both.
	 */
	record OutgoingSync(long key, String name, String remoteSite, String url, boolean enabled, long lastRun) {

		OutgoingSync withEnabled(boolean enabled) {
			return new OutgoingSync(this.key, this.name, this.remoteSite, this.url, enabled, this.lastRun);
		}

		OutgoingSync ranAt(long lastRun) {
			return new OutgoingSync(this.key, this.name, this.remoteSite, this.url, this.enabled, lastRun);
		}

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("name", this.name);
			row.put("description", "");
			row.put("site", 1L);
			row.put("enabled", this.enabled);
			row.put("status", this.enabled ? "syncing" : "offline");
			row.put("state", this.enabled ? "online" : "offline");
			row.put("url", this.url);
			row.put("encryption", true);
			row.put("compression", true);
			row.put("netinteg", true);
			row.put("threads", 8);
			row.put("file_threads", 4);
			row.put("sendthrottle", 0);
			row.put("destination_tier", "1");
			row.put("last_run", this.lastRun);
			row.put("remote_min_snapshots", 1);
			return row;
		}

	}

	/**
	 * A row of {@code site_syncs_outgoing_queue}: a cloud snapshot to send, and how the
	 * remote site is to keep it. {@code startedAt} is when it began {@code syncing};
	 * {@code remoteExpiration} is its expiry at the remote site once there.
	 */
	record QueueEntry(long key, long sync, long cloudSnapshot, String status, long retention, int priority,
			boolean doNotExpire, String destinationPrefix, long timestamp, @Nullable Instant startedAt,
			long remoteExpiration) {

		static final String QUEUED = "queue";

		static final String SYNCING = "syncing";

		static final String COMPLETE = "complete";

		static final String ERROR = "error";

		QueueEntry syncing(Instant now) {
			return new QueueEntry(this.key, this.sync, this.cloudSnapshot, SYNCING, this.retention, this.priority,
					this.doNotExpire, this.destinationPrefix, this.timestamp, now, 0);
		}

		QueueEntry complete(long remoteExpiration) {
			return new QueueEntry(this.key, this.sync, this.cloudSnapshot, COMPLETE, this.retention, this.priority,
					this.doNotExpire, this.destinationPrefix, this.timestamp, this.startedAt, remoteExpiration);
		}

		QueueEntry failed() {
			return new QueueEntry(this.key, this.sync, this.cloudSnapshot, ERROR, this.retention, this.priority,
					this.doNotExpire, this.destinationPrefix, this.timestamp, this.startedAt, 0);
		}

		boolean isQueued() {
			return this.status.equals(QUEUED);
		}

		boolean isSyncing() {
			return this.status.equals(SYNCING);
		}

		/** The name a snapshot named {@code name} here has at the remote site. */
		String remoteName(String name) {
			return this.destinationPrefix + name;
		}

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("site_syncs_outgoing", this.sync);
			row.put("cloud_snapshot", this.cloudSnapshot);
			row.put("status", this.status);
			row.put("retention", this.retention);
			row.put("remote_expiration", this.remoteExpiration);
			row.put("priority", this.priority);
			row.put("do_not_expire", this.doNotExpire);
			row.put("destination_prefix", this.destinationPrefix);
			row.put("timestamp", this.timestamp);
			return row;
		}

	}

	/**
	 * A row of {@code site_syncs_outgoing_remote_snaps}: a snapshot the sync sent, held
	 * at the remote site under {@code remoteKey}.
	 */
	record RemoteSnap(long key, long sync, String name, long remoteKey, long created, long expires) {

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("site_syncs_outgoing", this.sync);
			row.put("name", this.name);
			row.put("status", "complete");
			row.put("remote_key", this.remoteKey);
			row.put("created", this.created);
			row.put("expires", this.expires);
			return row;
		}

	}

	/**
	 * A row of {@code site_syncs_outgoing_profile_periods}: every cloud snapshot the
	 * profile period takes is queued on the sync, kept at the remote site as said here.
	 */
	record SyncLink(long key, long sync, long period, long retention, int priority, boolean doNotExpire,
			String destinationPrefix) {

		Map<String, @Nullable Object> row() {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("$key", this.key);
			row.put("site_syncs_outgoing", this.sync);
			row.put("profile_period", this.period);
			row.put("retention", this.retention);
			row.put("priority", this.priority);
			row.put("do_not_expire", this.doNotExpire);
			row.put("destination_prefix", this.destinationPrefix);
			return row;
		}

	}

}
