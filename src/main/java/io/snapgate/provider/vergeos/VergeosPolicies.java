package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * VergeOS's native scheduler behind the policy port: a policy is a snapshot profile, each
 * rule one or more of its periods, and VergeOS runs them. It says what it can honour and
 * which ids are its own, and hands the operations on: reads to
 * {@link VergeosPolicyListing}, creates to {@link VergeosPolicyCreation} (idempotent),
 * replaces to {@link VergeosPolicyReplacement}, deletes to {@link VergeosPolicyDeletion}.
 * <p>
 * A profile drives the system's snapshots once VergeOS uses it as the system's profile,
 * and which API field holds that choice is not known: no VergeOS client sets it. So
 * SnapGate never makes a profile the system's: a new policy runs once it is selected as
 * the System Snapshots profile in VergeOS (which profile that is, SnapGate infers; see
 * {@link VergeosSystemProfile}), or once it is given to VMs, which it can be
 * ({@link VergeosPolicyTargets}).
 */
final class VergeosPolicies implements PolicyProvider {

	private static final String UNASSIGNED_IN_VERGEOS = "SnapGate cannot take a VergeOS profile off the whole "
			+ "system: no documented API sets it. To stop a profile, select another under System > System "
			+ "Snapshots in VergeOS";

	private final ProviderId id;

	private final PolicyFeatures features;

	private final VergeosPolicyListing listing;

	private final VergeosPolicyCreation creation;

	private final VergeosPolicyReplacement replacement;

	private final VergeosPolicyDeletion deletion;

	private final VergeosPolicyTargets targets;

	/**
	 * @param zone the zone the system reads its periods' times in
	 */
	VergeosPolicies(ProviderId id, VergeosClient client, Clock clock, ZoneId zone, VergeosVmClient vms,
			VergeosMachines machines, VergeosPolicyCopies copies) {
		this.id = id;
		this.features = new PolicyFeatures(EnumSet.allOf(PolicyFeatures.RuleKind.class), Set.of(), zone,
				Duration.ofSeconds(1), false, true, true, Set.of(PolicyTarget.Type.MACHINE),
				VergeosPolicyPlanner.MAX_RULES, copies.copiesAnywhere());
		VergeosPolicyPlanner planner = new VergeosPolicyPlanner(zone, clock);
		VergeosPeriods periods = new VergeosPeriods(client);
		this.listing = new VergeosPolicyListing(client, new VergeosPolicyMapper(id, zone), vms, copies);
		this.targets = new VergeosPolicyTargets(vms, machines, this.listing);
		this.creation = new VergeosPolicyCreation(id, client, planner, this.listing, periods, copies);
		this.replacement = new VergeosPolicyReplacement(id, client, planner, this.listing, periods, copies);
		this.deletion = new VergeosPolicyDeletion(id, client, periods, this.listing, copies);
	}

	@Override
	public ProviderId id() {
		return this.id;
	}

	@Override
	public PolicyFeatures features() {
		return this.features;
	}

	@Override
	public boolean isValidPolicyId(String nativeId) {
		return VergeosLimits.isKey(nativeId);
	}

	@Override
	public Page<Policy> list(@Nullable Cursor cursor, int limit) {
		return this.listing.list(cursor, limit);
	}

	@Override
	public Optional<Policy> get(String nativeId) {
		return this.listing.get(nativeId);
	}

	@Override
	public Preview previewCreate(PolicySpec spec, @Nullable IdempotencyKey idempotency) {
		return this.creation.preview(spec, idempotency);
	}

	@Override
	public Policy create(PolicySpec spec, IdempotencyKey idempotency) {
		return this.creation.create(spec, idempotency);
	}

	@Override
	public Policy replace(String nativeId, PolicySpec spec) {
		return this.replacement.replace(nativeId, spec);
	}

	@Override
	public Preview previewReplace(String nativeId, PolicySpec spec) {
		return this.replacement.preview(nativeId, spec);
	}

	@Override
	public void delete(String nativeId) {
		this.deletion.delete(nativeId);
	}

	@Override
	public Preview previewDelete(String nativeId) {
		return this.deletion.preview(nativeId);
	}

	@Override
	public Policy attach(String nativeId, List<PolicyTarget> targets) {
		return this.targets.attach(nativeId, targets);
	}

	@Override
	public Preview previewAttach(String nativeId, List<PolicyTarget> targets) {
		return this.targets.previewAttach(nativeId, targets);
	}

	@Override
	public Policy detach(String nativeId, String targetId) {
		if (!VergeosLimits.isKey(targetId)) {
			throw InvalidRequestException.unsupported("targetId", UNASSIGNED_IN_VERGEOS);
		}
		return this.targets.detach(nativeId, targetId);
	}

	@Override
	public Preview previewDetach(String nativeId, String targetId) {
		if (!VergeosLimits.isKey(targetId)) {
			throw InvalidRequestException.unsupported("targetId", UNASSIGNED_IN_VERGEOS);
		}
		return this.targets.previewDetach(nativeId, targetId);
	}

}
