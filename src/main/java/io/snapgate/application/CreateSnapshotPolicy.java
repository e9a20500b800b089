package io.snapgate.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.snapgate.domain.Capability;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.SnapshotProvider;

/**
 * Refuses the fields a provider cannot honour, naming each, instead of silently dropping
 * them. A {@code false} flag asks for nothing and passes everywhere.
 */
final class CreateSnapshotPolicy {

	private CreateSnapshotPolicy() {
	}

	/** What a provider can snapshot, in words: whole systems, single disks, machines. */
	private static String whatItSnapshots(Set<Capability> capabilities) {
		List<String> kinds = new ArrayList<>();
		if (capabilities.contains(Capability.SYSTEM_SNAPSHOT)) {
			kinds.add("whole systems");
		}
		if (capabilities.contains(Capability.MACHINE_SNAPSHOT)) {
			kinds.add("machines (machine)");
		}
		if (capabilities.contains(Capability.VOLUME_SNAPSHOT)) {
			kinds.add("single disks (volumeId)");
		}
		return kinds.isEmpty() ? "nothing" : String.join(" and ", kinds);
	}

	static void check(NewSnapshot request, SnapshotProvider provider) {
		Set<Capability> capabilities = provider.capabilities();
		List<FieldError> missing = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		String provides = " (provider " + provider.id() + " is of type " + provider.type() + ")";
		if (!capabilities.contains(Capability.SYSTEM_SNAPSHOT) && request.volumeId() == null
				&& request.machine() == null) {
			missing.add(new FieldError(capabilities.contains(Capability.VOLUME_SNAPSHOT) ? "volumeId" : "machine",
					"required: this provider snapshots " + whatItSnapshots(capabilities) + provides));
		}
		if (request.volumeId() != null && request.machine() != null) {
			missing.add(new FieldError("machine", "give either volumeId or machine, not both"));
		}
		if (request.volumeId() != null && !capabilities.contains(Capability.VOLUME_SNAPSHOT)) {
			errors.add(new FieldError("volumeId",
					"not supported: this provider snapshots " + whatItSnapshots(capabilities) + provides));
		}
		if (request.machine() != null && !capabilities.contains(Capability.MACHINE_SNAPSHOT)) {
			errors.add(new FieldError("machine",
					"not supported: this provider snapshots " + whatItSnapshots(capabilities) + provides));
		}
		if (NewSnapshot.isTrue(request.quiesce())) {
			if (request.machine() == null) {
				missing.add(new FieldError("quiesce", "only a machine snapshot quiesces: give machine"));
			}
			else if (!capabilities.contains(Capability.QUIESCE)) {
				errors.add(new FieldError("quiesce", "not supported by this provider" + provides));
			}
		}
		if (!capabilities.contains(Capability.RETENTION)) {
			if (request.retention() != null) {
				errors.add(new FieldError("retention", "not supported by this provider" + provides));
			}
			if (NewSnapshot.isTrue(request.neverExpire())) {
				errors.add(new FieldError("neverExpire", "not supported by this provider" + provides));
			}
		}
		else if (request.retention() != null) {
			String problem = provider.snapshotFeatures().retentionProblem(request.retention());
			if (problem != null) {
				errors.add(new FieldError("retention", problem + provides));
			}
		}
		if (NewSnapshot.isTrue(request.immutable()) && !capabilities.contains(Capability.IMMUTABLE)) {
			errors.add(new FieldError("immutable", "not supported by this provider" + provides));
		}
		if (NewSnapshot.isTrue(request.privateSnapshot()) && !capabilities.contains(Capability.PRIVATE)) {
			errors.add(new FieldError("private", "not supported by this provider" + provides));
		}
		if (NewSnapshot.isTrue(request.neverExpire()) && request.retention() != null) {
			missing.add(new FieldError("retention", "give either retention or neverExpire, not both"));
		}
		if (!missing.isEmpty() && errors.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.VALIDATION_FAILED, "The request is incomplete or contradictory",
					missing);
		}
		errors.addAll(missing);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.UNSUPPORTED_FIELD,
					"The request has fields that provider " + provider.id() + " cannot honour", errors);
		}
	}

}
