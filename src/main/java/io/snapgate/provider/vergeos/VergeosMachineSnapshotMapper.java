package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.MachineSource;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import org.jspecify.annotations.Nullable;

/**
 * Maps rows of {@code machine_snapshots} to the neutral model: scope {@code MACHINE}, the
 * native id {@code m<key>}, and as source the VM (its key and name) whose machine the row
 * names.
 * <p>
 * Status: a VM snapshot's row has no status, no task and no progress (pyVergeOS reads
 * none, and its create answers only the row's key), and VergeOS shows the row once the
 * snapshot is taken: a row that exists is {@code AVAILABLE}, with an empty
 * {@code providerStatus}.
 * <p>
 * Policy: the profile of the period that took it, when one did and it is known.
 * Attributes: {@code quiesced}, {@code createdManually}, {@code machineKey} (the VM's
 * machine), {@code snapMachine} (the snapshot's own VM's machine) and
 * {@code snapshotPeriod}, each only when VergeOS gave it.
 */
final class VergeosMachineSnapshotMapper {

	private final ProviderId provider;

	VergeosMachineSnapshotMapper(ProviderId provider) {
		this.provider = provider;
	}

	/**
	 * @param vm the VM the snapshot was taken of, when VergeOS still shows it; without
	 * it, the source names the machine key
	 * @param profile the key of the profile whose period took it, if any
	 */
	Snapshot snapshot(VergeosMachineSnapshotRow row, @Nullable VergeosVmRow vm, @Nullable String profile) {
		String key = String.valueOf(row.key());
		String machine = (vm != null && vm.key() != null) ? vm.key() : String.valueOf(row.machine());
		return new Snapshot(this.provider, VergeosSnapshotProvider.TYPE, VergeosMachineSnapshotIds.of(key),
				(row.name() != null) ? row.name() : "", VergeosIdempotencyMarker.strip(row.description()),
				Scope.MACHINE, new MachineSource(machine, (vm != null) ? vm.name() : null, List.of()),
				SnapshotStatus.AVAILABLE, "",
				(row.created() != null) ? Instant.ofEpochSecond(row.created()) : Instant.EPOCH,
				VergeosSnapshotMapper.epoch(row.expires()), null, false, false, null, attributes(row), profile);
	}

	/** The VM a snapshot was taken of, in words: {@code VM 'db-01' (key 3)}. */
	static String vmOf(Snapshot snapshot) {
		if (snapshot.source() instanceof MachineSource source) {
			return (source.name() != null) ? "VM '" + source.name() + "' (key " + source.machine() + ")"
					: "the VM of machine " + source.machine();
		}
		return "its VM";
	}

	private static Map<String, String> attributes(VergeosMachineSnapshotRow row) {
		Map<String, String> attributes = new LinkedHashMap<>();
		putIfPresent(attributes, "quiesced", row.quiesced());
		putIfPresent(attributes, "createdManually", row.createdManually());
		putIfPresent(attributes, "machineKey", row.machine());
		putIfPresent(attributes, "snapMachine", row.snapMachine());
		putIfPresent(attributes, "snapshotPeriod", row.snapshotPeriod());
		return attributes;
	}

	private static void putIfPresent(Map<String, String> attributes, String name, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			attributes.put(name, value.toString());
		}
	}

}
