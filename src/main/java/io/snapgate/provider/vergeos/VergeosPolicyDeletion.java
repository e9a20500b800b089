package io.snapgate.provider.vergeos;

import java.util.List;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;

/**
 * Deletes a policy: its periods, then the profile through its action table, the way
 * VergeOS's clients do. VergeOS refuses to delete a profile in use (by the system's
 * snapshots, a VM or a volume); since that is only known once the periods are gone, they
 * are made again when the profile stays, so that whatever uses it keeps its schedule. The
 * snapshots the profile took stay.
 */
final class VergeosPolicyDeletion {

	private final ProviderId provider;

	private final VergeosClient client;

	private final VergeosPeriods periods;

	private final VergeosPolicyListing listing;

	private final VergeosPolicyCopies copies;

	VergeosPolicyDeletion(ProviderId provider, VergeosClient client, VergeosPeriods periods,
			VergeosPolicyListing listing, VergeosPolicyCopies copies) {
		this.provider = provider;
		this.client = client;
		this.periods = periods;
		this.listing = listing;
		this.copies = copies;
	}

	void delete(String nativeId) {
		if (this.client.profile(nativeId).isEmpty()) {
			throw VergeosErrors.policyNotFound(nativeId);
		}
		List<VergeosPeriodRow> existing = deletable(nativeId);
		List<CopyRule> copyRules = this.copies.rules(existing);
		this.copies.unlink(existing);
		this.periods.deleteAll(existing);
		try {
			this.client.deleteProfile(nativeId);
		}
		catch (NotFoundException ex) {
			// gone already: what was asked for
		}
		catch (SnapGateException ex) {
			throw restored(nativeId, existing, copyRules, ex);
		}
	}

	/**
	 * What {@link #delete} would do: each period deleted first, then the profile. Whether
	 * VergeOS deems the profile in use it tells only when asked to delete it; the profile
	 * that took the system's newest scheduled snapshot is taken as the system's, which
	 * VergeOS refuses to delete, and refused here too.
	 */
	Preview preview(String nativeId) {
		VergeosProfileRow profile = this.client.profile(nativeId)
			.orElseThrow(() -> VergeosErrors.policyNotFound(nativeId));
		List<VergeosPeriodRow> existing = deletable(nativeId);
		if (this.listing.systemProfile().isSystems(nativeId)) {
			throw new ConflictException(VergeosOperation.POLICY_DELETE.conflict(),
					VergeosOperation.POLICY_DELETE.conflictMessage() + ". SnapGate takes it for the system's profile: "
							+ "it took the newest scheduled snapshot");
		}
		PreviewBuilder preview = new PreviewBuilder()
			.passed("NOT_THE_SYSTEMS", "Another profile took the system's newest scheduled snapshot, or none did")
			.unknown("NOT_IN_USE", "VergeOS refuses to delete a profile that VMs or volumes use, which SnapGate does "
					+ "not read: only the delete tells, and then the periods are made again");
		for (CopyRule rule : this.copies.rules(existing)) {
			preview.action(Preview.Change.DELETE, "COPY_RULE", null, rule.target().value(), null,
					"VergeOS stops sending the profile's snapshots to " + rule.target() + "; the copies there stay");
		}
		for (VergeosPeriodRow period : existing) {
			preview.action(Preview.Change.DELETE, "PERIOD", String.valueOf(period.key()), period.name(), null,
					"A " + period.frequency() + " period, deleted before the profile");
		}
		return preview
			.action(Preview.Change.DELETE, "POLICY", this.provider + ":" + nativeId, profile.name(), null,
					"The snapshot profile, through snapshot_profile_actions")
			.warn("The snapshots the profile took stay")
			.build();
	}

	/**
	 * The periods of a profile that may be deleted as a policy: a profile of other
	 * periods only is no policy; one of none is what a failed create may leave.
	 */
	private List<VergeosPeriodRow> deletable(String nativeId) {
		List<VergeosPeriodRow> existing = this.periods.of(nativeId);
		if (!existing.isEmpty() && !VergeosPolicyMapper.isPolicy(nativeId, existing)) {
			throw VergeosErrors.policyNotFound(nativeId);
		}
		return existing;
	}

	private SnapGateException restored(String nativeId, List<VergeosPeriodRow> deleted, List<CopyRule> copyRules,
			SnapGateException refusal) {
		try {
			this.periods.restore(nativeId, deleted);
			if (!copyRules.isEmpty()) {
				this.copies.reconcile(this.periods.of(nativeId), this.copies.plan(copyRules));
			}
		}
		catch (SnapGateException ex) {
			return VergeosErrors.withNote(refusal, "its periods were deleted first, and making them again failed ("
					+ ex.getMessage() + "): policy " + nativeId + " is left with part of its schedule, or none");
		}
		return VergeosErrors.withNote(refusal, "policy " + nativeId + " keeps its schedule");
	}

}
