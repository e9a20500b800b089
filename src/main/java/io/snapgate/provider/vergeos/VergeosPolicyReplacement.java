package io.snapgate.provider.vergeos;

import java.util.List;
import java.util.Map;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
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

	private final VergeosPolicyCopies copies;

	VergeosPolicyReplacement(ProviderId provider, VergeosClient client, VergeosPolicyPlanner planner,
			VergeosPolicyListing listing, VergeosPeriods periods, VergeosPolicyCopies copies) {
		this.provider = provider;
		this.client = client;
		this.planner = planner;
		this.listing = listing;
		this.periods = periods;
		this.copies = copies;
	}

	Policy replace(String nativeId, PolicySpec spec) {
		VergeosPolicyPlan plan = this.planner.plan(spec);
		VergeosProfileRow profile = this.client.profile(nativeId)
			.orElseThrow(() -> VergeosErrors.policyNotFound(nativeId));
		List<VergeosPeriodRow> existing = this.periods.of(nativeId);
		checkReplaceable(nativeId, existing);
		List<VergeosPolicyCopies.Planned> copyRules = this.copies.plan(plan.copies());
		try {
			if (!plan.name().equals(profile.name())) {
				this.client.updateProfile(nativeId, VergeosProfileBody.rename(plan.name()));
			}
			this.copies.unlink(VergeosPeriods.reconciliation(existing, plan.periods()).deleted());
			this.periods.reconcile(nativeId, existing, plan.periods());
			if (this.copies.copiesAnywhere()) {
				this.copies.reconcile(this.periods.of(nativeId), copyRules);
			}
		}
		catch (NotFoundException ex) {
			throw VergeosErrors.policyNotFound(nativeId).withUpstream(ex.upstream());
		}
		catch (SnapGateException ex) {
			throw VergeosErrors.withNote(ex,
					"policy " + nativeId + " may be partly replaced: repeat the replace to finish it");
		}
		// while VergeOS does not show it whole, whether the system uses it cannot be told
		return this.listing.get(nativeId)
			.orElseGet(() -> new Policy(this.provider, VergeosSnapshotProvider.TYPE, nativeId, plan.name(),
					plan.schedule(), plan.retention(), plan.immutable(), List.of(), PolicyStatus.UNKNOWN, "", null,
					null, Map.of(), plan.copies().stream().map(PolicyCopy::untold).toList()));
	}

	/**
	 * What {@link #replace} would change, checked as it checks: the rename (refused where
	 * the name is taken, as VergeOS would refuse it), and each period changed, deleted or
	 * made.
	 */
	Preview preview(String nativeId, PolicySpec spec) {
		VergeosPolicyPlan plan = this.planner.plan(spec);
		VergeosProfileRow profile = this.client.profile(nativeId)
			.orElseThrow(() -> VergeosErrors.policyNotFound(nativeId));
		List<VergeosPeriodRow> existing = this.periods.of(nativeId);
		checkReplaceable(nativeId, existing);
		List<VergeosPolicyCopies.Planned> copyRules = this.copies.plan(plan.copies());
		List<CopyRule> currentRules = this.copies.rules(existing);
		String id = this.provider + ":" + nativeId;
		PreviewBuilder preview = new PreviewBuilder()
			.passed("SPEC_SUPPORTED", "VergeOS runs every rule, the retention and the flags as given")
			.passed("EVERY_PERIOD_SHOWN", "Every period of the profile has a rule SnapGate shows: none goes unseen");
		if (!plan.name().equals(profile.name())) {
			boolean taken = this.client.profiles(VergeosFilter.eq("name", plan.name()), 1, 0)
				.stream()
				.anyMatch((row) -> !nativeId.equals(row.key()));
			if (taken) {
				throw new ConflictException(ErrorCode.NAME_TAKEN,
						"VergeOS already has a snapshot profile named '" + plan.name() + "'");
			}
			preview.passed("NAME_FREE", "No other snapshot profile is named '" + plan.name() + "'")
				.action(Preview.Change.OVERWRITE, "POLICY", id, plan.name(), null,
						"The profile is renamed from '" + profile.name() + "'");
		}
		VergeosPeriods.Reconciliation reconciliation = VergeosPeriods.reconciliation(existing, plan.periods());
		for (VergeosPeriods.Changed period : reconciliation.changed()) {
			preview.action(Preview.Change.OVERWRITE, "PERIOD", String.valueOf(period.current().key()),
					period.planned().name(), null, "Its retention, minimum kept or immutability change");
		}
		for (VergeosPeriodRow period : reconciliation.deleted()) {
			preview.action(Preview.Change.DELETE, "PERIOD", String.valueOf(period.key()), period.name(), null,
					"No rule asks for this " + period.frequency() + " period any more");
		}
		for (VergeosPeriodBody period : reconciliation.added()) {
			preview.action(Preview.Change.CREATE, "PERIOD", null, period.name(), null,
					"A " + period.frequency() + " period of the profile");
		}
		boolean copiesKept = true;
		for (VergeosPolicyCopies.Planned rule : copyRules) {
			if (currentRules.stream().noneMatch(rule::matches)) {
				copiesKept = false;
				preview.action(Preview.Change.CREATE, "COPY_RULE", null, rule.syncName(), null,
						rule.describe(plan.periods().size()));
			}
		}
		for (CopyRule rule : currentRules) {
			if (copyRules.stream().noneMatch((planned) -> planned.matches(rule))) {
				copiesKept = false;
				preview.action(Preview.Change.DELETE, "COPY_RULE", null, rule.target().value(), null,
						"VergeOS stops sending the profile's snapshots to " + rule.target());
			}
		}
		if (reconciliation.changesNothing() && plan.name().equals(profile.name()) && copiesKept) {
			preview.action(Preview.Change.NONE, "POLICY", id, plan.name(), null,
					"Nothing: the profile is already as asked");
		}
		if (this.listing.systemProfile().isSystems(nativeId)) {
			preview.warn("This profile takes the system's snapshots (it took the newest scheduled one): the new "
					+ "schedule and retention apply to them at once");
		}
		return preview.build();
	}

	/**
	 * A profile with periods that SnapGate cannot show (yearly ones, say) is refused
	 * rather than have them deleted unseen; one of other periods only is no policy.
	 */
	private static void checkReplaceable(String nativeId, List<VergeosPeriodRow> existing) {
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
	}

}
