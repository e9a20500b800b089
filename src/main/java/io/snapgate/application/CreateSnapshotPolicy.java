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

	static void check(NewSnapshot request, SnapshotProvider provider) {
		Set<Capability> capabilities = provider.capabilities();
		List<FieldError> missing = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		String provides = " (provider " + provider.id() + " is of type " + provider.type() + ")";
		if (capabilities.contains(Capability.VOLUME_SNAPSHOT) && !capabilities.contains(Capability.SYSTEM_SNAPSHOT)
				&& request.volumeId() == null) {
			missing.add(new FieldError("volumeId", "required: this provider snapshots one disk at a time" + provides));
		}
		if (request.volumeId() != null && !capabilities.contains(Capability.VOLUME_SNAPSHOT)) {
			errors.add(new FieldError("volumeId", "not supported: this provider snapshots whole systems" + provides));
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
