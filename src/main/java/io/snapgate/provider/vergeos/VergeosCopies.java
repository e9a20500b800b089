package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.Copy;
import io.snapgate.domain.CopyCommand;
import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyProvider;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.CopyRoutes;
import org.jspecify.annotations.Nullable;

/**
 * Copies to a remote VergeOS through Site Sync: a cloud snapshot queued on the outgoing
 * sync that reaches the target ({@code add_to_queue}), followed in the sync's queue, and
 * found at the remote site among its remote snapshots. The queue entry is the copy's
 * record: a keyed copy finds it again rather than queueing the snapshot twice.
 */
final class VergeosCopies implements CopyProvider {

	/**
	 * How long after queueing a copy that VergeOS shows neither in its queue nor at the
	 * remote site is taken as not yet listed; later, as lost.
	 */
	static final Duration LISTING_GRACE = Duration.ofMinutes(1);

	/** What a route to a target is, as {@code /providers} shows it. */
	static final String ROUTE_KIND = "site sync";

	private final ProviderId id;

	private final VergeosClient client;

	private final VergeosSyncClient syncs;

	private final CopyRoutes syncNames;

	private final Clock clock;

	VergeosCopies(ProviderId id, VergeosClient client, Map<String, String> copySyncs, Clock clock) {
		this.id = id;
		this.client = client;
		this.syncs = new VergeosSyncClient(client);
		this.syncNames = new CopyRoutes(id, copySyncs, ROUTE_KIND);
		this.clock = clock;
	}

	@Override
	public ProviderId id() {
		return this.id;
	}

	@Override
	public List<CopyTarget> targets() {
		return this.syncNames.targets();
	}

	@Override
	public boolean isValidCopyHandle(CopyHandle handle) {
		return VergeosCopyHandle.parse(handle).isPresent();
	}

	@Override
	public Copy copy(CopyCommand command) {
		Plan plan = plan(command);
		if (command.idempotency() != null && !plan.queued().isEmpty()) {
			VergeosSyncQueueRow earlier = plan.queued().getFirst();
			if (!sameRetention(earlier, plan.retentionSeconds())) {
				throw new IdempotencyKeyReusedException();
			}
			return status(new VergeosCopyHandle(plan.sync(), command.snapshotNativeId(), command.target(),
					queuedAt(earlier)));
		}
		Instant now = this.clock.instant();
		this.syncs.addToQueue(plan.sync(), command.snapshotNativeId(), plan.retentionSeconds());
		// the entry's own time, so that a keyed repeat, which finds the entry, answers
		// the
		// same copy id
		Instant queuedAt = this.syncs.queued(plan.sync(), command.snapshotNativeId())
			.stream()
			.findFirst()
			.map(this::queuedAt)
			.orElse(now);
		return status(new VergeosCopyHandle(plan.sync(), command.snapshotNativeId(), command.target(), queuedAt));
	}

	@Override
	public Preview previewCopy(CopyCommand command) {
		Plan plan = plan(command);
		List<Preview.Check> checks = new ArrayList<>();
		checks.add(new Preview.Check("SYNC_REACHES_TARGET", Preview.Outcome.PASSED, "Outgoing sync '" + plan.syncName()
				+ "' (key " + plan.sync() + ") is enabled and reaches " + command.target()));
		List<Preview.Action> actions = List.of(new Preview.Action(Preview.Change.CREATE, "SNAPSHOT", null,
				plan.snapshotName(), null,
				"cloud snapshot " + command.snapshotNativeId() + " queued on outgoing sync '" + plan.syncName()
						+ "', kept at the remote site "
						+ ((plan.retentionSeconds() != null) ? plan.retentionSeconds() + " s" : "VergeOS's default")));
		List<String> warnings = (command.idempotency() != null && !plan.queued().isEmpty())
				? List.of("The snapshot is queued on this sync already: under a key, that entry is answered")
				: List.of();
		return new Preview(actions, checks, warnings);
	}

	@Override
	public Copy copyStatus(CopyHandle handle) {
		return status(VergeosCopyHandle.parse(handle)
			.orElseThrow(() -> new InvalidRequestException(ErrorCode.INVALID_COPY_ID, "Not a VergeOS copy")));
	}

	@Override
	public List<Copy> copiesOf(String snapshotNativeId) {
		if (!VergeosLimits.isKey(snapshotNativeId) || this.client.cloudSnapshot(snapshotNativeId).isEmpty()) {
			throw new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
					"No cloud snapshot " + this.id + ":" + snapshotNativeId);
		}
		List<Copy> copies = new ArrayList<>();
		this.syncNames.all().forEach((target, name) -> this.syncs.outgoingSync(name).ifPresent((sync) -> {
			String syncKey = require(sync.key(), "$key");
			this.syncs.queued(syncKey, snapshotNativeId)
				.forEach((row) -> copies
					.add(status(new VergeosCopyHandle(syncKey, snapshotNativeId, target, queuedAt(row)))));
		}));
		return copies;
	}

	/** The copy as VergeOS shows it: its queue entry, then the remote site's snapshot. */
	private Copy status(VergeosCopyHandle handle) {
		String name = this.client.cloudSnapshot(handle.snapshot()).map(VergeosCloudSnapshotRow::name).orElse(null);
		List<VergeosSyncQueueRow> queued = this.syncs.queued(handle.sync(), handle.snapshot());
		VergeosRemoteSnapRow remote = (name != null)
				? this.syncs.remoteSnapshots(handle.sync(), name).stream().findFirst().orElse(null) : null;
		String remoteKey = (remote != null) ? remote.remoteKey() : null;
		if (queued.isEmpty()) {
			if (remoteKey != null) {
				return copy(handle, CopyStatus.SUCCEEDED, remoteKey, "at the remote site", null);
			}
			boolean listing = this.clock.instant().isBefore(handle.queuedAt().plus(LISTING_GRACE));
			return listing ? copy(handle, CopyStatus.PENDING, null, "queued", null)
					: copy(handle, CopyStatus.FAILED, null, null, "VergeOS shows neither a queue entry for snapshot "
							+ handle.snapshot() + " nor a copy of it at the remote site");
		}
		String status = require(queued.getFirst().status(), "status");
		return switch (status) {
			case "queue", "paused", "initializing" -> copy(handle, CopyStatus.PENDING, null, status, null);
			case "syncing", "retry" -> copy(handle, CopyStatus.RUNNING, null, status, null);
			case "complete" -> (remoteKey != null) ? copy(handle, CopyStatus.SUCCEEDED, remoteKey, status, null)
					: copy(handle, CopyStatus.RUNNING, null, "complete; not yet listed at the remote site", null);
			case "error" -> copy(handle, CopyStatus.FAILED, null, status, "VergeOS's sync queue says error");
			case "skip_retention" -> copy(handle, CopyStatus.FAILED, null, status,
					"VergeOS skipped sending it: the remote site would not keep it (skip_retention)");
			default -> throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"VergeOS's sync queue answered a status SnapGate does not know: status '" + status + "'");
		};
	}

	private Copy copy(VergeosCopyHandle handle, CopyStatus status, @Nullable String targetId, @Nullable String detail,
			@Nullable String failureReason) {
		return new Copy(handle.value(), handle.snapshot(), handle.target(), targetId, status, detail, handle.queuedAt(),
				null, failureReason);
	}

	private Plan plan(CopyCommand command) {
		String syncName = this.syncNames.to(command.target());
		if (!VergeosLimits.isKey(command.snapshotNativeId())) {
			throw InvalidRequestException.unsupported("snapshotId",
					"Site Sync sends cloud snapshots only; " + command.snapshotNativeId() + " is a VM snapshot");
		}
		Long retention = null;
		if (command.retention() != null) {
			retention = command.retention().toSeconds();
			if (!Duration.ofSeconds(retention).equals(command.retention())) {
				throw InvalidRequestException.unsupported("retention", "VergeOS keeps a copy for whole seconds");
			}
		}
		VergeosCloudSnapshotRow snapshot = this.client.cloudSnapshot(command.snapshotNativeId())
			.orElseThrow(() -> new NotFoundException(ErrorCode.SNAPSHOT_NOT_FOUND,
					"No cloud snapshot " + this.id + ":" + command.snapshotNativeId()));
		VergeosOutgoingSyncRow sync = this.syncs.outgoingSync(syncName)
			.orElseThrow(() -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS shows no outgoing sync '"
					+ syncName + "' (copy-syncs." + command.target() + " of provider " + this.id + ")"));
		if (!Boolean.TRUE.equals(sync.enabled())) {
			throw InvalidRequestException.unsupported("targetProvider",
					"the outgoing sync '" + syncName + "' to " + command.target() + " is disabled in VergeOS");
		}
		String syncKey = require(sync.key(), "$key");
		return new Plan(syncKey, syncName, (snapshot.name() != null) ? snapshot.name() : command.snapshotNativeId(),
				retention, this.syncs.queued(syncKey, command.snapshotNativeId()));
	}

	private static boolean sameRetention(VergeosSyncQueueRow row, @Nullable Long retentionSeconds) {
		return retentionSeconds == null || retentionSeconds.equals(row.retention());
	}

	private Instant queuedAt(VergeosSyncQueueRow row) {
		return (row.timestamp() != null) ? Instant.ofEpochSecond(row.timestamp()) : this.clock.instant();
	}

	private static String require(@Nullable String value, String field) {
		if (value == null) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"VergeOS answered a Site Sync row without " + field);
		}
		return value;
	}

	/**
	 * What a copy needs, read before anything is sent.
	 *
	 * @param queued the snapshot's entries in the sync's queue, newest first
	 */
	private record Plan(String sync, String syncName, String snapshotName, @Nullable Long retentionSeconds,
			List<VergeosSyncQueueRow> queued) {
	}

}
