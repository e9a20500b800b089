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
 * SnapGate never assigns a profile, targets cannot be given, attached or detached, and a
 * new policy runs once it is selected as the System Snapshots profile in VergeOS. Which
 * profile that is, SnapGate infers (see {@link VergeosSystemProfile}).
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

	/**
	 * @param zone the zone the system reads its periods' times in
	 */
	VergeosPolicies(ProviderId id, VergeosClient client, Clock clock, ZoneId zone) {
		this.id = id;
		this.features = new PolicyFeatures(EnumSet.allOf(PolicyFeatures.RuleKind.class), Set.of(), zone,
				Duration.ofSeconds(1), false, true, true, Set.of(), VergeosPolicyPlanner.MAX_RULES);
		VergeosPolicyPlanner planner = new VergeosPolicyPlanner(zone, clock);
		VergeosPeriods periods = new VergeosPeriods(client);
		this.listing = new VergeosPolicyListing(client, new VergeosPolicyMapper(id, zone));
		this.creation = new VergeosPolicyCreation(id, client, planner, this.listing, periods);
		this.replacement = new VergeosPolicyReplacement(id, client, planner, this.listing, periods);
		this.deletion = new VergeosPolicyDeletion(id, client, periods, this.listing);
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
		throw refused(targets);
	}

	/** Refused as the attach is: nothing is read. */
	@Override
	public Preview previewAttach(String nativeId, List<PolicyTarget> targets) {
		throw refused(targets);
	}

	@Override
	public Policy detach(String nativeId, String targetId) {
		throw InvalidRequestException.unsupported("targetId", UNASSIGNED_IN_VERGEOS);
	}

	/** Refused as the detach is: nothing is read. */
	@Override
	public Preview previewDetach(String nativeId, String targetId) {
		throw InvalidRequestException.unsupported("targetId", UNASSIGNED_IN_VERGEOS);
	}

	/** SnapGate gives a VergeOS profile to nothing: each target is refused by name. */
	private static InvalidRequestException refused(List<PolicyTarget> targets) {
		VergeosPolicyPlanner.checkTargets(targets);
		return InvalidRequestException.unsupported("targets",
				"SnapGate gives VergeOS profiles to nothing: " + VergeosPolicyPlanner.SELECT_IN_VERGEOS);
	}

}
