package io.snapgate.sandbox.vergeos;

import java.util.Objects;
import java.util.Set;
import java.util.function.LongPredicate;

import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Period;
import io.snapgate.sandbox.vergeos.VergeosSandboxRows.Profile;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.bounded;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.flag;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.name;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.oneOf;
import static io.snapgate.sandbox.vergeos.VergeosSandboxInput.text;

/**
 * The rules of {@code snapshot_profiles}, {@code snapshot_profile_periods} and
 * {@code snapshot_profile_actions}: names unique (a profile's among profiles, a period's
 * within its profile), required fields, values in range, and no deleting the profile the
 * system's snapshots or a VM use, nor a period an outgoing sync is linked to (nor the
 * profile of such a period): whether VergeOS would drop the links with it is not known,
 * so the emulator takes the harsher side. Not synchronized: {@link VergeosSandboxState}
 * holds its lock around every use.
 */
final class VergeosSandboxProfiles {

	static final Set<String> FREQUENCIES = Set.of("custom", "hourly", "daily", "weekly", "monthly", "yearly");

	static final Set<String> DAYS = Set.of("sun", "mon", "tue", "wed", "thu", "fri", "sat", "any");

	private static final Set<String> TIERS = Set.of("1", "2", "3", "4", "5");

	private static final int MAX_NAME = 128;

	private static final int MAX_DESCRIPTION = 2048;

	private final VergeosSandboxTables tables;

	private final LongPredicate syncLinked;

	/**
	 * @param syncLinked whether an outgoing sync is linked to the period of this key
	 */
	VergeosSandboxProfiles(VergeosSandboxTables tables, LongPredicate syncLinked) {
		this.tables = tables;
		this.syncLinked = syncLinked;
	}

	/** {@code {"name":"...","description":"...","ignore_warnings":false}}. */
	long createProfile(JsonNode body) {
		String name = name(body, "name", MAX_NAME);
		checkProfileName(name, null);
		String description = text(body, "description", MAX_DESCRIPTION);
		long key = this.tables.nextKey("snapshot_profiles");
		this.tables.putProfile(
				new Profile(key, name, (description != null) ? description : "", flag(body, "ignore_warnings", false)));
		return key;
	}

	/** Changes what the body names, and nothing else. */
	void updateProfile(long key, JsonNode body) {
		Profile profile = profile(key);
		String name = (body.get("name") != null) ? name(body, "name", MAX_NAME) : profile.name();
		checkProfileName(name, key);
		String description = text(body, "description", MAX_DESCRIPTION);
		this.tables.putProfile(new Profile(key, name, (description != null) ? description : profile.description(),
				flag(body, "ignore_warnings", profile.ignoreWarnings())));
	}

	/**
	 * {@code {"snapshot_profile":7,"action":"delete"}}: deletes the profile with its
	 * periods, unless the system's snapshots use it.
	 */
	void act(JsonNode body) {
		String action = oneOf(body, "action", Set.of("delete"), null);
		JsonNode target = body.get("snapshot_profile");
		if (target == null || !target.isIntegralNumber()) {
			throw VergeosSandboxException.invalid("snapshot_profile", "required");
		}
		Profile profile = profile(target.asLong());
		if (action.equals("delete")) {
			if (Objects.equals(this.tables.systemProfile(), profile.key())) {
				throw new VergeosSandboxException(409, "Snapshot profile '" + profile.name()
						+ "' is in use by the system snapshots and cannot be deleted");
			}
			this.tables.machines(VergeosSandboxKind.VM)
				.stream()
				.filter((vm) -> Objects.equals(vm.snapshotProfile(), profile.key()))
				.findFirst()
				.ifPresent((vm) -> {
					throw new VergeosSandboxException(409, "Snapshot profile '" + profile.name() + "' is in use by VM '"
							+ vm.name() + "' and cannot be deleted");
				});
			this.tables.periods()
				.stream()
				.filter((period) -> period.profile() == profile.key() && this.syncLinked.test(period.key()))
				.findFirst()
				.ifPresent((period) -> {
					throw linked(period);
				});
			this.tables.removeProfile(profile.key());
		}
	}

	/**
	 * Every schedule field, those a frequency does not use as {@code 0} or {@code any}
	 * when left out; {@code profile}, {@code name}, {@code frequency} and
	 * {@code retention} required.
	 */
	long createPeriod(JsonNode body) {
		JsonNode owner = body.get("profile");
		if (owner == null || owner.isNull()) {
			throw VergeosSandboxException.invalid("profile", "required");
		}
		if (!owner.isIntegralNumber() || this.tables.profile(owner.asLong()) == null) {
			throw VergeosSandboxException.invalid("profile", "no such snapshot profile");
		}
		long profile = owner.asLong();
		String name = name(body, "name", MAX_NAME);
		checkPeriodName(profile, name, null);
		if (body.get("retention") == null || body.get("retention").isNull()) {
			throw VergeosSandboxException.invalid("retention", "required");
		}
		long key = this.tables.nextKey("snapshot_profile_periods");
		this.tables.putPeriod(new Period(key, profile, name, oneOf(body, "frequency", FREQUENCIES, null),
				(int) bounded(body, "minute", 0, 59, 0), (int) bounded(body, "hour", 0, 23, 0),
				oneOf(body, "day_of_week", DAYS, "any"), (int) bounded(body, "day_of_month", 0, 31, 0),
				(int) bounded(body, "month", 0, 12, 0), bounded(body, "retention", 0, Integer.MAX_VALUE, 0),
				(int) bounded(body, "min_snapshots", 0, 1000, 1), flag(body, "immutable", false),
				flag(body, "skip_missed", false), oneOf(body, "max_tier", TIERS, "1"), flag(body, "quiesce", false)));
		return key;
	}

	/** Changes what the body names; a period never moves to another profile. */
	void updatePeriod(long key, JsonNode body) {
		Period period = this.tables.period(key);
		if (period == null) {
			throw VergeosSandboxException.notFound();
		}
		JsonNode owner = body.get("profile");
		if (owner != null && !(owner.isIntegralNumber() && owner.asLong() == period.profile())) {
			throw VergeosSandboxException.invalid("profile", "cannot be changed");
		}
		String name = (body.get("name") != null) ? name(body, "name", MAX_NAME) : period.name();
		checkPeriodName(period.profile(), name, key);
		this.tables.putPeriod(new Period(key, period.profile(), name,
				oneOf(body, "frequency", FREQUENCIES, period.frequency()),
				(int) bounded(body, "minute", 0, 59, period.minute()),
				(int) bounded(body, "hour", 0, 23, period.hour()), oneOf(body, "day_of_week", DAYS, period.dayOfWeek()),
				(int) bounded(body, "day_of_month", 0, 31, period.dayOfMonth()),
				(int) bounded(body, "month", 0, 12, period.month()),
				bounded(body, "retention", 0, Integer.MAX_VALUE, period.retention()),
				(int) bounded(body, "min_snapshots", 0, 1000, period.minSnapshots()),
				flag(body, "immutable", period.immutable()), flag(body, "skip_missed", period.skipMissed()),
				oneOf(body, "max_tier", TIERS, period.maxTier()), flag(body, "quiesce", period.quiesce())));
	}

	void deletePeriod(long key) {
		Period period = this.tables.period(key);
		if (period == null) {
			throw VergeosSandboxException.notFound();
		}
		if (this.syncLinked.test(key)) {
			throw linked(period);
		}
		this.tables.removePeriod(key);
	}

	private static VergeosSandboxException linked(Period period) {
		return new VergeosSandboxException(409, "Snapshot profile period '" + period.name()
				+ "' is linked to an outgoing sync (site_syncs_outgoing_profile_periods) and cannot be deleted");
	}

	private Profile profile(long key) {
		Profile profile = this.tables.profile(key);
		if (profile == null) {
			throw VergeosSandboxException.notFound();
		}
		return profile;
	}

	private void checkProfileName(String name, @Nullable Long self) {
		if (this.tables.profiles()
			.stream()
			.anyMatch((p) -> p.name().equals(name) && !Long.valueOf(p.key()).equals(self))) {
			throw new VergeosSandboxException(409,
					"Row exists: a snapshot profile named '" + name + "' already exists");
		}
	}

	private void checkPeriodName(long profile, String name, @Nullable Long self) {
		if (this.tables.periods()
			.stream()
			.anyMatch((p) -> p.profile() == profile && p.name().equals(name) && !Long.valueOf(p.key()).equals(self))) {
			throw new VergeosSandboxException(409,
					"Row exists: the snapshot profile already has a period named '" + name + "'");
		}
	}

}
