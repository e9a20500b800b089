package io.snapgate.provider.vergeos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.SnapGateException;

/**
 * Writes the periods of a snapshot profile. None of this is atomic upstream: each period
 * is its own request, so every way through here says what is left behind when a request
 * fails part-way.
 */
final class VergeosPeriods {

	private final VergeosClient client;

	VergeosPeriods(VergeosClient client) {
		this.client = client;
	}

	List<VergeosPeriodRow> of(String profileKey) {
		return this.client.periods(VergeosFilter.eq("profile", Long.parseLong(profileKey)));
	}

	/**
	 * Adds the periods of a profile just made. When one fails, the profile is deleted
	 * again, so that a failed create leaves nothing behind.
	 */
	void addToNewProfile(String profileKey, List<VergeosPeriodBody> periods) {
		for (VergeosPeriodBody period : periods) {
			try {
				this.client.createPeriod(period.forProfile(profileKey));
			}
			catch (SnapGateException ex) {
				throw rolledBack(profileKey, String.valueOf(period.name()), ex);
			}
		}
	}

	/**
	 * Adds the planned periods that a profile made by an earlier create lacks, when that
	 * create failed part-way; changes nothing if the profile has other periods (it was
	 * replaced since).
	 */
	void addMissing(String profileKey, List<VergeosPeriodRow> existing, List<VergeosPeriodBody> planned) {
		Set<String> names = new HashSet<>();
		planned.forEach((period) -> names.add(String.valueOf(period.name())));
		if (existing.stream().anyMatch((period) -> !names.contains(period.name()))) {
			return;
		}
		Set<String> present = new HashSet<>();
		existing.forEach((period) -> present.add(String.valueOf(period.name())));
		for (VergeosPeriodBody period : planned) {
			if (!present.contains(period.name())) {
				this.client.createPeriod(period.forProfile(profileKey));
			}
		}
	}

	/**
	 * Makes a profile's periods the planned ones, matched by name: changed ones first,
	 * then those no longer planned are deleted, then new ones made, so that no name is
	 * ever taken twice.
	 */
	void reconcile(String profileKey, List<VergeosPeriodRow> existing, List<VergeosPeriodBody> planned) {
		Reconciliation reconciliation = reconciliation(existing, planned);
		for (Changed period : reconciliation.changed()) {
			this.client.updatePeriod(String.valueOf(period.current().key()), period.planned().forUpdate());
		}
		deleteAll(reconciliation.deleted());
		for (VergeosPeriodBody period : reconciliation.added()) {
			this.client.createPeriod(period.forProfile(profileKey));
		}
	}

	/** What {@link #reconcile} would change, worked out without a request. */
	static Reconciliation reconciliation(List<VergeosPeriodRow> existing, List<VergeosPeriodBody> planned) {
		Map<String, VergeosPeriodRow> byName = new HashMap<>();
		existing.forEach((period) -> byName.put(String.valueOf(period.name()), period));
		List<Changed> changed = new ArrayList<>();
		List<VergeosPeriodBody> added = new ArrayList<>();
		Set<String> kept = new HashSet<>();
		for (VergeosPeriodBody period : planned) {
			VergeosPeriodRow current = byName.get(period.name());
			if (current == null) {
				added.add(period);
				continue;
			}
			kept.add(String.valueOf(period.name()));
			if (period.differsFrom(current)) {
				changed.add(new Changed(current, period));
			}
		}
		List<VergeosPeriodRow> deleted = existing.stream().filter((period) -> !kept.contains(period.name())).toList();
		return new Reconciliation(changed, deleted, added);
	}

	/** Deletes periods; one that is gone already counts as deleted. */
	void deleteAll(List<VergeosPeriodRow> periods) {
		for (VergeosPeriodRow period : periods) {
			try {
				this.client.deletePeriod(String.valueOf(period.key()));
			}
			catch (NotFoundException ex) {
				// gone already: what was asked for
			}
		}
	}

	/** Makes deleted periods again, as they were. */
	void restore(String profileKey, List<VergeosPeriodRow> deleted) {
		for (VergeosPeriodRow period : deleted) {
			this.client.createPeriod(VergeosPeriodBody.copyOf(period).forProfile(profileKey));
		}
	}

	/**
	 * How a profile's periods become the planned ones.
	 *
	 * @param changed the periods kept under their name, with other fields
	 * @param deleted the periods no rule asks for any more
	 * @param added the periods to make
	 */
	record Reconciliation(List<Changed> changed, List<VergeosPeriodRow> deleted, List<VergeosPeriodBody> added) {

		boolean changesNothing() {
			return this.changed.isEmpty() && this.deleted.isEmpty() && this.added.isEmpty();
		}

	}

	/** A period that keeps its name and changes its other fields. */
	record Changed(VergeosPeriodRow current, VergeosPeriodBody planned) {
	}

	private SnapGateException rolledBack(String profileKey, String period, SnapGateException failure) {
		try {
			deleteAll(of(profileKey));
			this.client.deleteProfile(profileKey);
		}
		catch (SnapGateException ex) {
			return VergeosErrors.withNote(failure,
					"adding period '" + period + "' to the new policy " + profileKey
							+ " failed, and deleting that half-made policy failed too (" + ex.getMessage()
							+ "): it is left in VergeOS with part of its schedule. Repeat the create with the same "
							+ "Idempotency-Key to finish it, or delete policy " + profileKey);
		}
		return VergeosErrors.withNote(failure, "adding period '" + period + "' to the new policy " + profileKey
				+ " failed, so the policy was deleted again: nothing was made");
	}

}
