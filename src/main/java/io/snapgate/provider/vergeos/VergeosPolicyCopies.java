package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.CopyRoutes;
import org.jspecify.annotations.Nullable;

/**
 * A policy's copy rules as VergeOS runs them: each rule links every period of the profile
 * to the outgoing sync that reaches the rule's target ({@code
 * site_syncs_outgoing_profile_periods}), so that VergeOS sends each snapshot a period
 * takes by itself. Links are written after the periods and removed before them, and read
 * back after each write. The newest copy of a rule is the newest snapshot of the profile
 * that the remote site holds ({@code site_syncs_outgoing_remote_snaps}, matched by name).
 */
final class VergeosPolicyCopies {

	/** How many of a profile's newest snapshots are matched against the remote site's. */
	private static final int NEWEST = 100;

	private final VergeosClient client;

	private final VergeosSyncClient syncs;

	private final CopyRoutes routes;

	VergeosPolicyCopies(VergeosClient client, CopyRoutes routes) {
		this.client = client;
		this.syncs = new VergeosSyncClient(client);
		this.routes = routes;
	}

	/** Whether any target is configured, so that a policy can copy at all. */
	boolean copiesAnywhere() {
		return !this.routes.all().isEmpty();
	}

	/**
	 * The syncs the rules send on, checked before anything is written.
	 * @throws InvalidRequestException naming {@code copies[i]...} for a rule VergeOS
	 * cannot run
	 */
	List<Planned> plan(List<CopyRule> rules) {
		if (rules.isEmpty()) {
			return List.of();
		}
		Map<String, VergeosOutgoingSyncRow> byName = new HashMap<>();
		this.syncs.outgoingSyncs().values().forEach((row) -> byName.put(String.valueOf(row.name()), row));
		List<Planned> planned = new ArrayList<>();
		Set<ProviderId> seen = new HashSet<>();
		for (int i = 0; i < rules.size(); i++) {
			CopyRule rule = rules.get(i);
			String field = "copies[" + i + "]";
			String syncName = this.routes.all().get(rule.target());
			if (syncName == null) {
				throw InvalidRequestException.unsupported(field + ".targetProvider",
						"VergeOS sends this provider's snapshots to " + this.routes.all().keySet() + " only");
			}
			if (!seen.add(rule.target())) {
				throw InvalidRequestException.field(field + ".targetProvider",
						"copies to " + rule.target() + " twice; one rule a target");
			}
			Long retention = null;
			if (rule.retention() != null) {
				retention = rule.retention().toSeconds();
				if (retention < 1 || !Duration.ofSeconds(retention).equals(rule.retention())) {
					throw InvalidRequestException.unsupported(field + ".retention",
							"VergeOS keeps a copy for a whole number of seconds, at least one");
				}
			}
			VergeosOutgoingSyncRow sync = byName.get(syncName);
			if (sync == null || sync.key() == null) {
				throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS shows no outgoing sync '" + syncName
						+ "' (copy-syncs." + rule.target() + "): " + field + " cannot be run");
			}
			if (!Boolean.TRUE.equals(sync.enabled())) {
				throw InvalidRequestException.unsupported(field + ".targetProvider",
						"the outgoing sync '" + syncName + "' to " + rule.target() + " is disabled in VergeOS");
			}
			planned.add(new Planned(rule, sync.key(), syncName, retention));
		}
		return planned;
	}

	/**
	 * Makes the links of a profile's periods the planned ones: links that no rule asks
	 * for, or with another retention, are deleted; missing ones made; then read back.
	 */
	void reconcile(List<VergeosPeriodRow> periods, List<Planned> planned) {
		List<String> periodKeys = keys(periods);
		List<VergeosSyncLinkRow> existing = this.syncs.links(periodKeys);
		Map<String, Planned> bySync = new LinkedHashMap<>();
		planned.forEach((rule) -> bySync.put(rule.syncKey(), rule));
		Set<String> kept = new HashSet<>();
		for (VergeosSyncLinkRow link : existing) {
			Planned rule = bySync.get(link.sync());
			if (rule != null && rule.keeps(link) && kept.add(link.period() + "/" + link.sync())) {
				continue;
			}
			delete(link);
		}
		for (String period : periodKeys) {
			for (Planned rule : planned) {
				if (!kept.contains(period + "/" + rule.syncKey())) {
					add(VergeosSyncLinkBody.of(rule.syncKey(), period, rule.retentionSeconds()));
				}
			}
		}
		if (!planned.isEmpty() || !existing.isEmpty()) {
			check(periodKeys, planned);
		}
	}

	/** Deletes the links of periods about to be deleted; VergeOS's cascade is unknown. */
	void unlink(List<VergeosPeriodRow> periods) {
		this.syncs.links(keys(periods)).forEach(this::delete);
	}

	/** The rules a profile's links run, so that they can be made again. */
	List<CopyRule> rules(List<VergeosPeriodRow> periods) {
		if (!copiesAnywhere()) {
			return List.of();
		}
		List<VergeosSyncLinkRow> links = this.syncs.links(keys(periods));
		return read(periods, links, targetsBySyncKey(links)).stream().map(PolicyCopy::rule).toList();
	}

	/**
	 * The copy rules of a profile, each with the newest copy at its target. A link to a
	 * sync that is no copy target of this provider is no rule SnapGate can show, and is
	 * left out.
	 */
	List<PolicyCopy> copies(String profileKey, List<VergeosPeriodRow> periods) {
		if (!copiesAnywhere()) {
			return List.of();
		}
		List<VergeosSyncLinkRow> links = this.syncs.links(keys(periods));
		if (links.isEmpty()) {
			return List.of();
		}
		Map<String, ProviderId> targetBySync = targetsBySyncKey(links);
		List<PolicyCopy> rules = read(periods, links, targetBySync);
		if (rules.isEmpty()) {
			return rules;
		}
		Map<String, Long> taken = new HashMap<>();
		this.client.cloudSnapshots(VergeosFilter.eq("snapshot_profile", Long.parseLong(profileKey)), NEWEST, 0)
			.forEach((row) -> {
				if (row.name() != null && row.created() != null) {
					taken.putIfAbsent(row.name(), row.created());
				}
			});
		Map<ProviderId, String> syncOf = new HashMap<>();
		targetBySync.forEach((sync, target) -> syncOf.put(target, sync));
		return rules.stream().map((copy) -> newest(copy, syncOf.get(copy.rule().target()), taken)).toList();
	}

	private PolicyCopy newest(PolicyCopy rule, @Nullable String sync, Map<String, Long> taken) {
		if (sync == null || taken.isEmpty()) {
			return rule;
		}
		for (VergeosRemoteSnapRow remote : this.syncs.newestRemoteSnapshots(sync)) {
			Long created = (remote.name() != null) ? taken.get(remote.name()) : null;
			if (created != null && remote.remoteKey() != null) {
				return new PolicyCopy(rule.rule(), true, Instant.ofEpochSecond(created), remote.remoteKey());
			}
		}
		return rule;
	}

	/** One rule a configured target the links reach, with the retention they keep. */
	private static List<PolicyCopy> read(List<VergeosPeriodRow> periods, List<VergeosSyncLinkRow> links,
			Map<String, ProviderId> targetBySync) {
		Set<String> ofProfile = new HashSet<>(keys(periods));
		Map<ProviderId, PolicyCopy> rules = new LinkedHashMap<>();
		for (VergeosSyncLinkRow link : links) {
			ProviderId target = targetBySync.get(link.sync());
			if (target == null || !ofProfile.contains(link.period())) {
				continue;
			}
			Duration retention = (link.retention() != null && link.retention() > 0)
					? Duration.ofSeconds(link.retention()) : null;
			rules.putIfAbsent(target, new PolicyCopy(new CopyRule(target, retention), true, null, null));
		}
		return List.copyOf(rules.values());
	}

	private Map<String, ProviderId> targetsBySyncKey(List<VergeosSyncLinkRow> links) {
		Map<String, ProviderId> byName = new HashMap<>();
		this.routes.all().forEach((target, name) -> byName.put(name, target));
		Map<String, ProviderId> bySync = new HashMap<>();
		if (links.isEmpty()) {
			return bySync;
		}
		this.syncs.outgoingSyncs().forEach((key, row) -> {
			ProviderId target = byName.get(String.valueOf(row.name()));
			if (target != null) {
				bySync.put(key, target);
			}
		});
		return bySync;
	}

	/**
	 * The links as VergeOS keeps them now: every period sends on every planned sync, with
	 * the planned retention, and on no other.
	 */
	private void check(List<String> periodKeys, List<Planned> planned) {
		List<VergeosSyncLinkRow> links = this.syncs.links(periodKeys);
		for (String period : periodKeys) {
			for (Planned rule : planned) {
				VergeosSyncLinkRow link = links.stream()
					.filter((row) -> period.equals(row.period()) && rule.syncKey().equals(row.sync()))
					.findFirst()
					.orElseThrow(() -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
							"VergeOS did not keep the link of profile period " + period + " to outgoing sync '"
									+ rule.syncName() + "' (site_syncs_outgoing_profile_periods)"));
				if (!rule.keeps(link)) {
					throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
							"VergeOS keeps the copies of profile period " + period + " on outgoing sync '"
									+ rule.syncName() + "' for " + link.retention()
									+ " s, not as asked: site_syncs_outgoing_profile_periods.retention");
				}
			}
		}
	}

	private void add(VergeosSyncLinkBody link) {
		try {
			this.syncs.addLink(link);
		}
		catch (ConflictException ex) {
			// a twin request made it: the check that follows tells whether it is as
			// planned
		}
	}

	private void delete(VergeosSyncLinkRow link) {
		if (link.key() == null) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"VergeOS answered a site_syncs_outgoing_profile_periods row without $key");
		}
		try {
			this.syncs.deleteLink(link.key());
		}
		catch (NotFoundException ex) {
			// gone already: what was asked for
		}
	}

	private static List<String> keys(List<VergeosPeriodRow> periods) {
		return periods.stream().map(VergeosPeriodRow::key).filter(Objects::nonNull).map(String::valueOf).toList();
	}

	/**
	 * A copy rule with the sync that runs it.
	 *
	 * @param retentionSeconds {@code null} for VergeOS's default
	 */
	record Planned(CopyRule rule, String syncKey, String syncName, @Nullable Long retentionSeconds) {

		/** What the rule does, for a preview. */
		String describe(int periods) {
			return "The snapshots of its " + periods + " period(s) sent by VergeOS on outgoing sync '" + this.syncName
					+ "' to " + this.rule.target() + ", kept there "
					+ ((this.retentionSeconds != null) ? this.retentionSeconds
							: VergeosSyncLinkBody.DEFAULT_RETENTION_SECONDS
									+ " s (VergeOS's default for a snapshot sent)")
					+ " s";
		}

		/** Whether a rule read back is this one; with no retention asked, any. */
		boolean matches(CopyRule current) {
			return this.rule.target().equals(current.target()) && (this.retentionSeconds == null
					|| (current.retention() != null && this.retentionSeconds == current.retention().toSeconds()));
		}

		/** Whether a link keeps what this rule asks; with no retention asked, any. */
		boolean keeps(VergeosSyncLinkRow link) {
			return this.retentionSeconds == null || this.retentionSeconds.equals(link.retention());
		}

	}

}
