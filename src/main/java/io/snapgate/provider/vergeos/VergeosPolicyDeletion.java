package io.snapgate.provider.vergeos;

import java.util.List;

import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;

/**
 * Deletes a policy: its periods, then the profile through its action table, the way
 * VergeOS's clients do. VergeOS refuses to delete a profile in use (by the system's
 * snapshots, a VM or a volume); since that is only known once the periods are gone, they
 * are made again when the profile stays, so that whatever uses it keeps its schedule. The
 * snapshots the profile took stay.
 */
final class VergeosPolicyDeletion {

	private final VergeosClient client;

	private final VergeosPeriods periods;

	VergeosPolicyDeletion(VergeosClient client, VergeosPeriods periods) {
		this.client = client;
		this.periods = periods;
	}

	void delete(String nativeId) {
		if (this.client.profile(nativeId).isEmpty()) {
			throw VergeosErrors.policyNotFound(nativeId);
		}
		List<VergeosPeriodRow> existing = this.periods.of(nativeId);
		// a profile of other periods only is no policy; one of none is what a failed
		// create may leave
		if (!existing.isEmpty() && !VergeosPolicyMapper.isPolicy(nativeId, existing)) {
			throw VergeosErrors.policyNotFound(nativeId);
		}
		this.periods.deleteAll(existing);
		try {
			this.client.deleteProfile(nativeId);
		}
		catch (NotFoundException ex) {
			// gone already: what was asked for
		}
		catch (SnapGateException ex) {
			throw restored(nativeId, existing, ex);
		}
	}

	private SnapGateException restored(String nativeId, List<VergeosPeriodRow> deleted, SnapGateException refusal) {
		try {
			this.periods.restore(nativeId, deleted);
		}
		catch (SnapGateException ex) {
			return VergeosErrors.withNote(refusal, "its periods were deleted first, and making them again failed ("
					+ ex.getMessage() + "): policy " + nativeId + " is left with part of its schedule, or none");
		}
		return VergeosErrors.withNote(refusal, "policy " + nativeId + " keeps its schedule");
	}

}
