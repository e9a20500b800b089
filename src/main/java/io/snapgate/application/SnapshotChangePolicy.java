package io.snapgate.application;

import java.util.ArrayList;
import java.util.List;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.SnapshotChanges;
import io.snapgate.domain.SnapshotFeatures;
import io.snapgate.domain.SnapshotField;
import io.snapgate.domain.SnapshotProvider;

/**
 * Refuses the changes a provider cannot make to a snapshot, naming each field, before
 * anything is asked of the provider: what its {@link SnapshotFeatures} do not list as
 * changeable, and a retention that is not a whole number of its unit.
 */
final class SnapshotChangePolicy {

	private SnapshotChangePolicy() {
	}

	static void check(SnapshotChanges changes, SnapshotProvider provider) {
		SnapshotFeatures features = provider.snapshotFeatures();
		String provides = " (provider " + provider.id() + " is of type " + provider.type() + ")";
		List<FieldError> errors = new ArrayList<>();
		for (SnapshotField field : changes.fields()) {
			if (!features.changeable().contains(field)) {
				errors.add(new FieldError(field.field(), "cannot be changed on this provider" + provides
						+ "; /providers lists what it can change (snapshots.changeable)"));
			}
		}
		if (changes.retention() != null && features.changeable().contains(SnapshotField.RETENTION)) {
			String problem = features.retentionProblem(changes.retention());
			if (problem != null) {
				errors.add(new FieldError("retention", problem + provides));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.UNSUPPORTED_FIELD,
					"The request has changes that provider " + provider.id() + " cannot make", errors);
		}
	}

}
