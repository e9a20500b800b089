package io.snapgate.api;

import java.util.List;

import io.snapgate.application.ProviderSummary;
import io.snapgate.domain.BudgetSharing;
import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.Capability;
import io.snapgate.domain.CircuitState;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.Scope;
import io.snapgate.domain.ScopeSupport;
import io.snapgate.domain.SnapshotFeatures;
import io.snapgate.domain.SnapshotField;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A configured provider.
 */
@Schema(name = "Provider")
public record ProviderResource(@Schema(example = "vergeos-prod", maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) String id,
		@Schema(example = "vergeos") String type, List<Capability> capabilities, ProviderHealth health,
		@Schema(description = "The circuit breaker in front of the provider") CircuitState circuitBreaker,
		@Schema(description = "What its scheduler can express; null when it runs no policies") @Nullable PolicyFeaturesResource policies,
		@Schema(description = "What its snapshots take and what can be changed on them") SnapshotFeaturesResource snapshots,
		@Schema(description = "Which scopes it can snapshot, restore and protect by policy") ScopesResource scopes,
		@Schema(description = "The providers it copies its snapshots to (POST /snapshots/{id}/copies); empty when "
				+ "none is configured") List<CopyTargetResource> copyTargets,
		@Schema(description = "Whose request budget its calls are spent from: REPLICA, this replica's share (no "
				+ "shared store is configured); SHARED, one budget every replica spends from (in Redis); FALLBACK, "
				+ "Redis does not answer and this replica spends its share until it does. Null where its calls are "
				+ "not bounded") @Nullable BudgetSharing budget) {

	static ProviderResource of(ProviderSummary summary) {
		return new ProviderResource(summary.id().value(), summary.type().value(),
				summary.capabilities().stream().sorted().toList(), summary.health(), summary.circuitState(),
				(summary.policies() != null) ? PolicyFeaturesResource.of(summary.policies()) : null,
				SnapshotFeaturesResource.of(summary.snapshots()),
				ScopesResource.of(ScopeSupport.of(summary.capabilities(), summary.policies())),
				summary.copyTargets().stream().map(CopyTargetResource::of).toList(), summary.budget());
	}

	/**
	 * Which scopes a provider can snapshot, restore and protect by policy.
	 */
	@Schema(name = "Scopes")
	public record ScopesResource(
			@Schema(description = "What POST /snapshots takes: SYSTEM (no volumeId nor machine), VOLUME (volumeId), "
					+ "MACHINE (machine)") List<Scope> snapshot,
			@Schema(description = "What POST /restores brings back: SYSTEM (a VM or tenant of a system snapshot), "
					+ "VOLUME (a disk in place), MACHINE (as a new machine or in place)") List<Scope> restore,
			@Schema(description = "What a policy's targets can be") List<Scope> protect) {

		static ScopesResource of(ScopeSupport support) {
			return new ScopesResource(support.snapshot().stream().sorted().toList(),
					support.restore().stream().sorted().toList(), support.protect().stream().sorted().toList());
		}

	}

	/**
	 * A provider that snapshots can be copied to, and how they travel.
	 */
	@Schema(name = "CopyTarget")
	public record CopyTargetResource(@Schema(example = "baidu-gz") String provider,
			@Schema(description = "How a copy travels, in the backend's words: a region, a site sync",
					example = "region gz") String via) {

		static CopyTargetResource of(CopyTarget target) {
			return new CopyTargetResource(target.provider().value(), target.via());
		}

	}

	/**
	 * What a provider's snapshots take besides a name; anything else is refused by field.
	 *
	 * @param retentionUnit a retention must be a whole number of it; null when snapshots
	 * take none
	 * @param maxRetention the longest retention; null for no bound
	 * @param changeable what {@code PATCH /snapshots/{id}} can change
	 */
	@Schema(name = "SnapshotFeatures")
	public record SnapshotFeaturesResource(
			@Schema(description = "ISO-8601, such as P1D or PT1S; null: no retention",
					example = "P1D") @Nullable String retentionUnit,
			@Schema(description = "ISO-8601; null: no bound", example = "P10000D") @Nullable String maxRetention,
			@Schema(description = "The fields PATCH /snapshots/{id} can change",
					example = "[\"name\", \"description\", \"retention\"]") List<String> changeable) {

		static SnapshotFeaturesResource of(SnapshotFeatures features) {
			return new SnapshotFeaturesResource(
					(features.retentionUnit() != null) ? IsoDurations.format(features.retentionUnit()) : null,
					(features.maxRetention() != null) ? IsoDurations.format(features.maxRetention()) : null,
					features.changeable().stream().sorted().map(SnapshotField::field).toList());
		}

	}

	/**
	 * What a provider's native scheduler can honour; anything else is refused by field.
	 *
	 * @param rules the kinds of rule it takes
	 * @param minutes the minutes past the hour a rule may name; empty for any
	 * @param timeZone the zone its schedules are read in
	 * @param retentionUnit the granularity of a retention, as an ISO-8601 duration
	 * @param forever whether snapshots can be kept forever
	 * @param minKept whether a minimum number kept can be set
	 * @param immutable whether snapshots can be made immutable
	 * @param targets what a policy can protect
	 * @param rulesPerPolicy how many rules one policy may have
	 * @param copies whether a policy takes copy rules to the provider's copyTargets
	 */
	@Schema(name = "PolicyFeatures")
	public record PolicyFeaturesResource(List<PolicyFeatures.RuleKind> rules, List<Integer> minutes, String timeZone,
			@Schema(description = "ISO-8601, such as P1D or PT1S") String retentionUnit, boolean forever,
			boolean minKept, boolean immutable, List<PolicyTarget.Type> targets, int rulesPerPolicy,
			@Schema(description = "Whether a policy takes copy rules (copies) to the provider's copyTargets, run by "
					+ "the backend itself") boolean copies) {

		static PolicyFeaturesResource of(PolicyFeatures features) {
			return new PolicyFeaturesResource(features.rules().stream().sorted().toList(),
					features.minutes().stream().sorted().toList(), features.timeZone().getId(),
					IsoDurations.format(features.retentionUnit()), features.forever(), features.minKept(),
					features.immutable(), features.targets().stream().sorted().toList(), features.rulesPerPolicy(),
					features.copies());
		}

	}

}
