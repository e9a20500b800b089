package io.snapgate.provider.vergeos;

import java.util.List;
import java.util.Map;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;

/**
 * Replaces a policy's name, schedule, retention and flags: renames the profile when the
 * name changes, then reconciles its periods by name. A profile with periods that SnapGate
 * cannot show (yearly ones, say) is refused rather than have them deleted unseen.
 */
final class VergeosPolicyReplacement {

	private final ProviderId provider;

	private final VergeosClient client;

	private final VergeosPolicyPlanner planner;

	private final VergeosPolicyListing listing;

	private final VergeosPeriods periods;

	VergeosPolicyReplacement(ProviderId provider, VergeosClient client, VergeosPolicyPlanner planner,
			VergeosPolicyListing listing, VergeosPeriods periods) {
		this.provider = provider;
		this.client = client;
		this.planner = planner;
		this.listing = listing;
		this.periods = periods;
	}

	Policy replace(String nativeId, PolicySpec spec) {
		VergeosPolicyPlan plan = this.planner.plan(spec);
		VergeosProfileRow profile = this.client.profile(nativeId)
			.orElseThrow(() -> VergeosErrors.policyNotFound(nativeId));
		List<VergeosPeriodRow> existing = this.periods.of(nativeId);
		if (!existing.isEmpty() && !VergeosPolicyMapper.isPolicy(nativeId, existing)) {
			throw VergeosErrors.policyNotFound(nativeId);
		}
		List<String> unmapped = VergeosPolicyMapper.unmapped(nativeId, existing);
		if (!unmapped.isEmpty()) {
			String why = "the VergeOS profile also has periods that SnapGate cannot show ("
					+ String.join(", ", unmapped) + "), which a replace would delete; change them in VergeOS first";
			throw new InvalidRequestException(ErrorCode.UNSUPPORTED_FIELD, "schedule: " + why,
					FieldError.of("schedule", why));
		}
		try {
			if (!plan.name().equals(profile.name())) {
				this.client.updateProfile(nativeId, VergeosProfileBody.rename(plan.name()));
			}
			this.periods.reconcile(nativeId, existing, plan.periods());
		}
		catch (NotFoundException ex) {
			throw VergeosErrors.policyNotFound(nativeId).withUpstream(ex.upstream());
		}
		catch (SnapGateException ex) {
			throw VergeosErrors.withNote(ex,
					"policy " + nativeId + " may be partly replaced: repeat the replace to finish it");
		}
		// not read back: whether the system uses it is not known here
		return this.listing.get(nativeId)
			.orElseGet(() -> new Policy(this.provider, VergeosSnapshotProvider.TYPE, nativeId, plan.name(),
					plan.schedule(), plan.retention(), plan.immutable(), List.of(), PolicyStatus.UNKNOWN, "", null,
					null, Map.of()));
	}

}
