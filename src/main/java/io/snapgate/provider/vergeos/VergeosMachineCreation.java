package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.UpstreamDetails;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Takes snapshots of one VM: {@code POST machine_snapshots} of the VM's machine.
 * <p>
 * Idempotent the way cloud snapshot creates are, with the key's marker in the description
 * (see {@link VergeosIdempotencyMarker}), looked for before creating. Unlike cloud
 * snapshots, VM snapshot names are not known to be unique, so two twin requests may both
 * create: each reads the marked snapshots back after its create, the first made (lowest
 * key) stays, and the other deletes its own. The expiry VergeOS keeps is read back too: a
 * snapshot kept otherwise than asked (never expiring, or expiring) is deleted again and
 * the create fails, naming {@code expires}, rather than a caller trusting a retention
 * VergeOS does not keep.
 */
final class VergeosMachineCreation {

	private static final int MAX_DESCRIPTION = 2048;

	private static final int MARKER_MATCHES = 10;

	private static final long EXPIRY_SLACK_SECONDS = 60;

	private static final long GIB = 1024L * 1024 * 1024;

	private static final Comparator<VergeosMachineSnapshotRow> KEY_ORDER = Comparator
		.comparingLong((VergeosMachineSnapshotRow row) -> Long.parseLong(String.valueOf(row.key())));

	private final ProviderId provider;

	private final VergeosVmClient vms;

	private final VergeosMachines machines;

	private final VergeosMachineSnapshots snapshots;

	private final Clock clock;

	private final Duration defaultRetention;

	VergeosMachineCreation(ProviderId provider, VergeosVmClient vms, VergeosMachines machines,
			VergeosMachineSnapshots snapshots, Clock clock, Duration defaultRetention) {
		this.provider = provider;
		this.vms = vms;
		this.machines = machines;
		this.snapshots = snapshots;
		this.clock = clock;
		this.defaultRetention = defaultRetention;
	}

	Snapshot create(CreateSnapshot command) {
		Checked checked = check(command);
		if (checked.earlier() != null) {
			return checked.earlier();
		}
		VergeosCreateReply reply = this.vms
			.createMachineSnapshot(VergeosNewMachineSnapshot.of(Long.parseLong(checked.machine()), command.name(),
					checked.description(), checked.expires(), command.quiesce()));
		String key = reply.key();
		VergeosIdempotencyMarker marker = checked.marker();
		if (key == null || !VergeosLimits.isKey(key)) {
			if (marker != null) {
				Optional<VergeosMachineSnapshotRow> made = firstMarked(marker);
				if (made.isPresent()) {
					return snapshot(made.get(), checked.vm());
				}
			}
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS did not say which VM snapshot it made");
		}
		if (marker != null) {
			Optional<VergeosMachineSnapshotRow> first = firstMarked(marker);
			if (first.isPresent() && !key.equals(first.get().key())) {
				// a twin request under the same key made one first: that one stays
				this.vms.deleteMachineSnapshot(key);
				return snapshot(first.get(), checked.vm());
			}
		}
		VergeosMachineSnapshotRow row = this.vms.machineSnapshot(key)
			.orElseGet(() -> new VergeosMachineSnapshotRow(key, command.name(), checked.description(),
					checked.now().getEpochSecond(), checked.expires(), null, true, checked.machine(), null, null));
		checkExpiry(key, row, checked.expires());
		return snapshot(row, checked.vm());
	}

	Preview preview(CreateSnapshot command) {
		Checked checked = check(command);
		VergeosVmRow vm = checked.vm();
		PreviewBuilder preview = new PreviewBuilder()
			.passed("REQUEST_VALID", "VergeOS takes the name, the description, the retention and the quiesce")
			.passed("MACHINE_FOUND",
					"VergeOS VM '" + vm.label() + "' has key " + vm.key() + " and machine " + checked.machine());
		Snapshot earlier = checked.earlier();
		if (earlier != null) {
			return preview.passed("SAME_REQUEST", "This Idempotency-Key's VM snapshot exists already")
				.action(Preview.Change.NONE, "SNAPSHOT", earlier.ref().toString(), earlier.name(), null,
						"Nothing: the snapshot made under this Idempotency-Key is answered")
				.build();
		}
		preview.passed("POWER_STATE", "The VM is " + powerState(vm));
		List<VergeosDriveRow> drives = this.vms.drives(checked.machine());
		long bytes = drives.stream()
			.filter((drive) -> drive.diskSize() != null && !"cdrom".equals(drive.media()))
			.mapToLong((drive) -> drive.diskSize())
			.sum();
		Long expires = checked.expires();
		String expiry = (expires == null) ? "kept until deleted" : "kept until " + Instant.ofEpochSecond(expires);
		preview.action(Preview.Change.CREATE, "SNAPSHOT", null, command.name(),
				(bytes > 0) ? (bytes + GIB - 1) / GIB : null,
				"A VM snapshot of '" + vm.label() + "' with its " + drives(drives) + ", " + expiry);
		quiesce(command, vm, preview);
		return preview.build();
	}

	private void quiesce(CreateSnapshot command, VergeosVmRow vm, PreviewBuilder preview) {
		if (!command.quiesce()) {
			if (vm.isRunning()) {
				preview.warn("Without quiesce, a snapshot of a running VM holds its disks as a sudden power cut "
						+ "would leave them");
			}
			return;
		}
		if (!vm.isRunning()) {
			preview.warn("Quiesce needs a running guest: the VM is " + powerState(vm) + ", so there is nothing to "
					+ "flush");
		}
		if (Boolean.TRUE.equals(vm.guestAgent())) {
			preview.passed("GUEST_AGENT", "Quiesce needs the guest agent, which the VM has enabled");
		}
		else {
			preview.unknown("GUEST_AGENT", "Quiesce needs the guest agent, which the VM does not have enabled: "
					+ "VergeOS may take the snapshot unquiesced (its attribute quiesced tells)");
		}
	}

	/**
	 * Everything the create checks before it writes, with reads only: the request's shape
	 * for a VM snapshot, the VM, and, under an idempotency key, the snapshot an earlier
	 * call made.
	 */
	private Checked check(CreateSnapshot command) {
		if (command.immutable()) {
			throw InvalidRequestException.unsupported("immutable",
					"VergeOS makes cloud snapshots immutable, not VM snapshots");
		}
		if (command.privateSnapshot()) {
			throw InvalidRequestException.unsupported("private",
					"VergeOS hides cloud snapshots from tenants, not VM snapshots");
		}
		VergeosLimits.checkName("name", command.name());
		if (command.retention() != null && (command.retention().isNegative() || command.retention().isZero())) {
			throw InvalidRequestException.field("retention", "must be positive");
		}
		VergeosVmRow vm = this.machines.resolve(String.valueOf(command.machine()), "machine");
		String machine = VergeosMachines.requireMachine(vm);
		VergeosIdempotencyMarker marker = (command.idempotency() != null)
				? VergeosIdempotencyMarker.of(command.idempotency(), this.provider) : null;
		Snapshot earlier = null;
		if (marker != null) {
			earlier = firstMarked(marker).map((row) -> snapshot(row, vm)).orElse(null);
		}
		String description = (marker != null) ? marker.appendTo(command.description()) : command.description();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw InvalidRequestException.field("description", "too long for VergeOS");
		}
		Instant now = this.clock.instant();
		Duration retention = (command.retention() != null) ? command.retention() : this.defaultRetention;
		Long expires = command.neverExpire() ? null : now.plus(retention).getEpochSecond();
		return new Checked(vm, machine, marker, description, now, expires, earlier);
	}

	/**
	 * The first snapshot made under the same key for the same request, if any.
	 * @throws IdempotencyKeyReusedException when one was made under the same key for
	 * another request
	 */
	private Optional<VergeosMachineSnapshotRow> firstMarked(VergeosIdempotencyMarker marker) {
		List<VergeosMachineSnapshotRow> rows = this.vms
			.machineSnapshots(VergeosFilter.contains("description", marker.token()), MARKER_MATCHES, 0);
		boolean reused = false;
		VergeosMachineSnapshotRow first = null;
		for (VergeosMachineSnapshotRow row : rows) {
			Optional<VergeosIdempotencyMarker> found = VergeosIdempotencyMarker.in(row.description())
				.filter((candidate) -> candidate.token().equals(marker.token()));
			if (found.isEmpty() || row.key() == null || !VergeosLimits.isKey(row.key())) {
				continue;
			}
			if (!found.get().equals(marker)) {
				reused = true;
			}
			else if (first == null || KEY_ORDER.compare(row, first) < 0) {
				first = row;
			}
		}
		if (first == null && reused) {
			throw new IdempotencyKeyReusedException();
		}
		return Optional.ofNullable(first);
	}

	/**
	 * @throws UpstreamErrorException naming {@code expires} when VergeOS keeps the
	 * snapshot otherwise than asked, once the snapshot is deleted again
	 */
	private void checkExpiry(String key, VergeosMachineSnapshotRow row, @Nullable Long asked) {
		long kept = (row.expires() != null) ? row.expires() : 0;
		boolean same = (asked == null) ? kept == 0 : kept != 0 && Math.abs(kept - asked) <= EXPIRY_SLACK_SECONDS;
		if (same) {
			return;
		}
		String shown = (kept == 0) ? "never" : Instant.ofEpochSecond(kept).toString();
		String wanted = (asked == null) ? "never" : Instant.ofEpochSecond(asked).toString();
		String undone;
		try {
			this.vms.deleteMachineSnapshot(key);
			undone = "it was deleted again";
		}
		catch (SnapGateException ex) {
			undone = "deleting it again failed too (" + ex.getMessage() + "): delete VM snapshot "
					+ VergeosMachineSnapshotIds.of(key) + " by hand";
		}
		UpstreamErrorException error = new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
				"VergeOS kept the VM snapshot with expires " + shown + " where SnapGate asked for " + wanted
						+ ", so how VergeOS takes a VM snapshot's expires is not what SnapGate knows; " + undone);
		error.withUpstream(new UpstreamDetails(null, null, "field expires=" + kept));
		throw error;
	}

	private Snapshot snapshot(VergeosMachineSnapshotRow row, VergeosVmRow vm) {
		String machine = String.valueOf(vm.machine());
		return this.snapshots.snapshots(List.of(row), new HashMap<>(Map.of(machine, vm)), null)
			.getFirst()
			.orElseThrow();
	}

	static String powerState(VergeosVmRow vm) {
		return (vm.status() != null) ? vm.status() : vm.isRunning() ? "running" : "not running";
	}

	private static String drives(List<VergeosDriveRow> drives) {
		if (drives.isEmpty()) {
			return "drives (VergeOS lists none)";
		}
		StringBuilder text = new StringBuilder(drives.size() + ((drives.size() == 1) ? " drive: " : " drives: "));
		for (int i = 0; i < drives.size(); i++) {
			VergeosDriveRow drive = drives.get(i);
			text.append((i > 0) ? ", " : "").append(String.valueOf(drive.name()));
			if (drive.diskSize() != null) {
				text.append(" (").append(gib(drive.diskSize())).append(")");
			}
		}
		return text.toString();
	}

	private static String gib(long bytes) {
		return (bytes % GIB == 0) ? (bytes / GIB) + " GiB"
				: String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
	}

	/**
	 * A create as checked before it is sent.
	 *
	 * @param machine the VM's machine key
	 * @param expires the expiry to ask for; {@code null} for never
	 * @param earlier the snapshot an earlier call under the same key made, if any
	 */
	private record Checked(VergeosVmRow vm, String machine, @Nullable VergeosIdempotencyMarker marker,
			@Nullable String description, Instant now, @Nullable Long expires, @Nullable Snapshot earlier) {
	}

}
