package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import org.jspecify.annotations.Nullable;

/**
 * Reads snapshot profiles as policies: the profile, its periods, whether the system uses
 * it (see {@link VergeosSystemProfile}), and when it last took a snapshot (the newest
 * cloud snapshot that names it). A page of profiles reads the periods of all of them in
 * one request, the newest scheduled snapshot of the system in one, and the newest
 * snapshot of each other policy in one more: the system's profile took the newest of all,
 * and with no scheduled snapshot at all no profile has taken any. Where the provider
 * copies anywhere, each policy's copy rules cost one request more, and each rule one more
 * besides (see {@link VergeosPolicyCopies}).
 */
final class VergeosPolicyListing {

	private static final int MAX_PAGE = 100;

	/**
	 * How many upstream pages one listing reads at most while profiles that are no policy
	 * are left out.
	 */
	private static final int MAX_ROUNDS = 3;

	private final VergeosClient client;

	private final VergeosPolicyMapper mapper;

	private final VergeosVmClient vms;

	private final VergeosPolicyCopies copies;

	VergeosPolicyListing(VergeosClient client, VergeosPolicyMapper mapper, VergeosVmClient vms,
			VergeosPolicyCopies copies) {
		this.client = client;
		this.mapper = mapper;
		this.vms = vms;
		this.copies = copies;
	}

	/** By name, paged by offset: each entry's cursor is its own offset. */
	Page<Policy> list(@Nullable Cursor cursor, int limit) {
		int size = Math.clamp(limit, 1, MAX_PAGE);
		int offset = VergeosListing.offsetOf(cursor);
		List<Page.Entry<Policy>> entries = new ArrayList<>();
		VergeosSystemProfile system = null;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			List<VergeosProfileRow> rows = this.client.profiles(null, size, offset);
			Map<String, List<VergeosPeriodRow>> periods = periodsOf(rows);
			for (int i = 0; i < rows.size(); i++) {
				VergeosProfileRow row = rows.get(i);
				String key = row.key();
				if (key == null || !VergeosLimits.isKey(key)) {
					continue;
				}
				List<VergeosPeriodRow> of = periods.getOrDefault(key, List.of());
				if (!VergeosPolicyMapper.isPolicy(key, of)) {
					continue;
				}
				if (system == null) {
					system = systemProfile();
				}
				Optional<Policy> policy = policy(row, of, system);
				if (policy.isPresent()) {
					entries.add(new Page.Entry<>(policy.get(), VergeosListing.cursorAt(offset + i)));
					if (entries.size() == size) {
						boolean more = i < rows.size() - 1 || rows.size() == size;
						return new Page<>(entries, more ? VergeosListing.cursorAt(offset + i + 1) : null);
					}
				}
			}
			if (rows.size() < size) {
				return Page.last(entries);
			}
			offset += rows.size();
		}
		return new Page<>(entries, VergeosListing.cursorAt(offset));
	}

	/** A profile as a policy; empty when it is missing or is no policy. */
	Optional<Policy> get(String key) {
		Optional<VergeosProfileRow> profile = this.client.profile(key).filter((row) -> row.key() != null);
		if (profile.isEmpty()) {
			return Optional.empty();
		}
		List<VergeosPeriodRow> periods = periods(key);
		if (!VergeosPolicyMapper.isPolicy(key, periods)) {
			return Optional.empty();
		}
		return policy(profile.get(), periods, systemProfile());
	}

	/**
	 * Which profile the system uses, as its newest scheduled snapshot tells, and which
	 * VMs have a profile.
	 */
	VergeosSystemProfile systemProfile() {
		return VergeosSystemProfile.of(this.client.newestScheduledSnapshot(),
				this.vms.allVms(VergeosFilter.eq("is_snapshot", false)));
	}

	List<VergeosPeriodRow> periods(String profileKey) {
		return this.client.periods(VergeosFilter.eq("profile", Long.parseLong(profileKey)));
	}

	private Optional<Policy> policy(VergeosProfileRow row, List<VergeosPeriodRow> periods,
			VergeosSystemProfile system) {
		String key = String.valueOf(row.key());
		return this.mapper.policy(row, periods, lastSnapshotAt(key, system), system)
			.map((policy) -> policy.withCopies(this.copies.copies(key, periods)));
	}

	/** When the newest cloud snapshot the profile took was taken. */
	private @Nullable Instant lastSnapshotAt(String profileKey, VergeosSystemProfile system) {
		if (!system.isKnown()) {
			return null;
		}
		if (system.isSystems(profileKey)) {
			return system.lastTakenAt();
		}
		return this.client.cloudSnapshots(VergeosFilter.eq("snapshot_profile", Long.parseLong(profileKey)), 1, 0)
			.stream()
			.findFirst()
			.map(VergeosCloudSnapshotRow::created)
			.map(Instant::ofEpochSecond)
			.orElse(null);
	}

	/** The periods of every profile of a page, read in one request, by profile. */
	private Map<String, List<VergeosPeriodRow>> periodsOf(List<VergeosProfileRow> rows) {
		List<VergeosFilter> profiles = rows.stream()
			.map(VergeosProfileRow::key)
			.filter((key) -> key != null && VergeosLimits.isKey(key))
			.map((key) -> VergeosFilter.eq("profile", Long.parseLong(key)))
			.toList();
		Map<String, List<VergeosPeriodRow>> byProfile = new HashMap<>();
		if (profiles.isEmpty()) {
			return byProfile;
		}
		for (VergeosPeriodRow period : this.client.periods(VergeosFilter.anyOf(profiles))) {
			if (period.profile() != null) {
				byProfile.computeIfAbsent(period.profile(), (key) -> new ArrayList<>()).add(period);
			}
		}
		return byProfile;
	}

}
