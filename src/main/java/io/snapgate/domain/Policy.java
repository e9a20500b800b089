package io.snapgate.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A protection policy as SnapGate presents it, whatever provider runs it.
 *
 * @param provider the provider running it
 * @param providerType that provider's type
 * @param nativeId the provider's own id of the policy
 * @param name its name
 * @param schedule its rules, in the zone the provider's schedules are read in
 * @param retention how long its snapshots are kept
 * @param immutable whether its snapshots are made immutable
 * @param targets what it protects, as the provider knows it; empty when it protects
 * nothing or the provider does not say
 * @param status whether it runs, as the provider tells it
 * @param providerStatus the upstream's own status word, unchanged
 * @param createdAt when it was made, when the provider tells
 * @param lastSnapshotAt when it last made a snapshot, as far as the upstream tells;
 * {@code null} when it has made none
 * @param attributes flat provider-specific extras, documented per provider
 * @param copies where the backend copies each snapshot it takes, and how far it got
 */
public record Policy(ProviderId provider, ProviderType providerType, String nativeId, String name,
		PolicySchedule schedule, PolicyRetention retention, boolean immutable, List<PolicyTarget> targets,
		PolicyStatus status, String providerStatus, @Nullable Instant createdAt, @Nullable Instant lastSnapshotAt,
		Map<String, String> attributes, List<PolicyCopy> copies) {

	public Policy {
		targets = List.copyOf(targets);
		attributes = Map.copyOf(attributes);
		copies = List.copyOf(copies);
	}

	/** A policy whose backend copies nothing by policy. */
	public Policy(ProviderId provider, ProviderType providerType, String nativeId, String name, PolicySchedule schedule,
			PolicyRetention retention, boolean immutable, List<PolicyTarget> targets, PolicyStatus status,
			String providerStatus, @Nullable Instant createdAt, @Nullable Instant lastSnapshotAt,
			Map<String, String> attributes) {
		this(provider, providerType, nativeId, name, schedule, retention, immutable, targets, status, providerStatus,
				createdAt, lastSnapshotAt, attributes, List.of());
	}

	/** The same policy, its copy rules as read. */
	public Policy withCopies(List<PolicyCopy> read) {
		return new Policy(this.provider, this.providerType, this.nativeId, this.name, this.schedule, this.retention,
				this.immutable, this.targets, this.status, this.providerStatus, this.createdAt, this.lastSnapshotAt,
				this.attributes, read);
	}

	/** Its id as the API shows it: {@code <provider>:<nativeId>}. */
	public String id() {
		return this.provider + ":" + this.nativeId;
	}

}
