package io.snapgate.provider.vergeos;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Makes a snapshot profile and its periods for a policy.
 * <p>
 * Idempotent the way snapshot creates are: the profile's description carries a marker
 * derived from the idempotency key (see {@link VergeosIdempotencyMarker}), and before
 * creating, the adapter looks for a profile that carries it. The same key with the same
 * spec finds the earlier profile (and adds any period a create that failed part-way left
 * out); with another spec it is an {@link IdempotencyKeyReusedException}. Profile names
 * are unique, so a create running twice at once makes one profile, whose marker tells the
 * loser that it is its own.
 * <p>
 * Not atomic: the profile is made first, then each period. When a period fails, the
 * profile is deleted again, and the error says so.
 */
final class VergeosPolicyCreation {

	/** What a profile made by SnapGate says of itself, ahead of its marker. */
	static final String DESCRIPTION = "Protection policy managed through SnapGate";

	private static final int MARKER_MATCHES = 10;

	private final ProviderId provider;

	private final VergeosClient client;

	private final VergeosPolicyPlanner planner;

	private final VergeosPolicyListing listing;

	private final VergeosPeriods periods;

	private final VergeosPolicyCopies copies;

	VergeosPolicyCreation(ProviderId provider, VergeosClient client, VergeosPolicyPlanner planner,
			VergeosPolicyListing listing, VergeosPeriods periods, VergeosPolicyCopies copies) {
		this.provider = provider;
		this.client = client;
		this.planner = planner;
		this.listing = listing;
		this.periods = periods;
		this.copies = copies;
	}

	Policy create(PolicySpec spec, IdempotencyKey idempotency) {
		VergeosPolicyPlanner.checkTargets(spec.targets());
		VergeosPolicyPlan plan = this.planner.plan(spec);
		List<VergeosPolicyCopies.Planned> copyRules = this.copies.plan(plan.copies());
		VergeosIdempotencyMarker marker = VergeosIdempotencyMarker.of(idempotency, this.provider);
		Optional<String> earlier = marked(
				this.client.profiles(VergeosFilter.contains("description", marker.token()), MARKER_MATCHES, 0), marker);
		if (earlier.isPresent()) {
			String key = earlier.get();
			this.periods.addMissing(key, this.periods.of(key), plan.periods());
			link(key, copyRules);
			return read(key, plan);
		}
		VergeosCreateReply reply;
		try {
			reply = this.client.createProfile(new VergeosProfileBody(plan.name(), marker.appendTo(DESCRIPTION)));
		}
		catch (ConflictException ex) {
			// a twin request may have won the race for the name, and may be adding the
			// periods still: it is answered as planned
			Optional<String> twin = marked(this.client.profiles(VergeosFilter.eq("name", plan.name()), 1, 0), marker);
			if (twin.isPresent()) {
				return planned(twin.get(), plan);
			}
			throw ex;
		}
		String key = reply.key();
		if (key == null || !VergeosLimits.isKey(key)) {
			key = marked(this.client.profiles(VergeosFilter.contains("description", marker.token()), MARKER_MATCHES, 0),
					marker)
				.orElseThrow(() -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
						"VergeOS did not say which snapshot profile it made"));
		}
		this.periods.addToNewProfile(key, plan.periods());
		link(key, copyRules);
		return read(key, plan);
	}

	/**
	 * Sends the profile's snapshots where the copy rules say, once its periods exist. A
	 * failure leaves the policy with its schedule, and a repeat under the same key
	 * finishes it.
	 */
	private void link(String key, List<VergeosPolicyCopies.Planned> copyRules) {
		if (copyRules.isEmpty()) {
			return;
		}
		try {
			this.copies.reconcile(this.periods.of(key), copyRules);
		}
		catch (SnapGateException ex) {
			throw VergeosErrors.withNote(ex, "policy " + key + " was made with its schedule, but its copy rules "
					+ "are not all written: repeat the create with the same Idempotency-Key to finish it");
		}
	}

	Preview preview(PolicySpec spec, @Nullable IdempotencyKey idempotency) {
		VergeosPolicyPlanner.checkTargets(spec.targets());
		VergeosPolicyPlan plan = this.planner.plan(spec);
		List<VergeosPolicyCopies.Planned> copyRules = this.copies.plan(plan.copies());
		PreviewBuilder preview = new PreviewBuilder().passed("SPEC_SUPPORTED",
				"VergeOS runs every rule, the retention and the flags as given");
		if (idempotency != null) {
			VergeosIdempotencyMarker marker = VergeosIdempotencyMarker.of(idempotency, this.provider);
			Optional<String> earlier = marked(
					this.client.profiles(VergeosFilter.contains("description", marker.token()), MARKER_MATCHES, 0),
					marker);
			if (earlier.isPresent()) {
				return preview.passed("SAME_REQUEST", "This Idempotency-Key's snapshot profile exists already")
					.action(Preview.Change.NONE, "POLICY", this.provider + ":" + earlier.get(), plan.name(), null,
							"Nothing: the policy made under this Idempotency-Key is answered")
					.build();
			}
		}
		if (!this.client.profiles(VergeosFilter.eq("name", plan.name()), 1, 0).isEmpty()) {
			throw new ConflictException(ErrorCode.NAME_TAKEN,
					"VergeOS already has a snapshot profile named '" + plan.name() + "'");
		}
		preview.passed("NAME_FREE", "No snapshot profile is named '" + plan.name() + "'")
			.action(Preview.Change.CREATE, "POLICY", null, plan.name(), null,
					"A snapshot profile with " + plan.periods().size()
							+ " period(s), NOT_ASSIGNED: it takes no snapshot until you "
							+ VergeosPolicyPlanner.SELECT_IN_VERGEOS);
		for (VergeosPeriodBody period : plan.periods()) {
			preview.action(Preview.Change.CREATE, "PERIOD", null, period.name(), null,
					"A " + period.frequency() + " period of the profile");
		}
		for (VergeosPolicyCopies.Planned rule : copyRules) {
			preview.action(Preview.Change.CREATE, "COPY_RULE", null, rule.syncName(), null,
					rule.describe(plan.periods().size()));
		}
		if (plan.immutable()) {
			preview.warn("Immutable: every snapshot it takes is locked, and nobody can delete one before an unlock "
					+ "runs out (7 days, or its expiry if sooner)");
		}
		return preview.build();
	}

	private Policy read(String key, VergeosPolicyPlan plan) {
		return this.listing.get(key).orElseGet(() -> planned(key, plan));
	}

	/**
	 * The policy as planned, while VergeOS does not show it whole yet: a profile just
	 * made, which nothing uses and which has taken no snapshot.
	 */
	private Policy planned(String key, VergeosPolicyPlan plan) {
		return new Policy(this.provider, VergeosSnapshotProvider.TYPE, key, plan.name(), plan.schedule(),
				plan.retention(), plan.immutable(), List.of(), PolicyStatus.NOT_ASSIGNED, "", null, null, Map.of(),
				plan.copies().stream().map(PolicyCopy::untold).toList());
	}

	/**
	 * The key of the profile made under the same key for the same spec, if any.
	 * @throws IdempotencyKeyReusedException when one was made under the same key for
	 * another spec
	 */
	private static Optional<String> marked(List<VergeosProfileRow> rows, VergeosIdempotencyMarker marker) {
		boolean reused = false;
		for (VergeosProfileRow row : rows) {
			Optional<VergeosIdempotencyMarker> found = VergeosIdempotencyMarker.in(row.description())
				.filter((candidate) -> candidate.token().equals(marker.token()));
			if (found.isPresent() && row.key() != null && VergeosLimits.isKey(row.key())) {
				if (found.get().equals(marker)) {
					return Optional.of(row.key());
				}
				reused = true;
			}
		}
		if (reused) {
			throw new IdempotencyKeyReusedException();
		}
		return Optional.empty();
	}

}
