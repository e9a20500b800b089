package io.snapgate.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.snapgate.application.PolicyRef;
import io.snapgate.application.PolicyView;
import io.snapgate.domain.CopyRule;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A protection policy as the API shows it, whatever provider runs it.
 */
@Schema(name = "Policy", description = "A protection policy run by a provider's own scheduler")
public record PolicyResource(
		@Schema(description = "<provider>:<nativeId>", maxLength = Patterns.POLICY_ID_MAX_LENGTH) String id,
		@Schema(maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) String provider, String providerType,
		@Schema(maxLength = PolicyRef.MAX_NATIVE_ID_LENGTH) String nativeId, String name, ScheduleResource schedule,
		RetentionResource retention, boolean immutable,
		@Schema(description = "What it protects, as the provider knows it; empty when nothing is assigned to it "
				+ "or the provider does not say") List<TargetResource> targets,
		@Schema(description = "ACTIVE: assigned to something that runs it; NOT_ASSIGNED: it exists and takes no "
				+ "snapshot; UNKNOWN: the provider does not say") PolicyStatus status,
		@Schema(description = "The upstream's own status word") String providerStatus,
		@Schema(description = "When it was made, when the provider tells") @Nullable Instant createdAt,
		@Schema(description = "When it last made a snapshot; null when it has made none") @Nullable Instant lastSnapshotAt,
		@Schema(description = "Only an ACTIVE policy can be overdue: no snapshot newer than two of the schedule's "
				+ "longest intervals, counted from the later of lastSnapshotAt and createdAt") boolean overdue,
		@Schema(description = "Where the backend copies each snapshot the policy takes, and the newest copy "
				+ "that reached each target; empty when it copies nowhere") List<CopyRuleResource> copies,
		@Schema(description = "Provider-specific extras, documented per provider") Map<String, String> attributes) {

	static PolicyResource of(PolicyView view) {
		Policy p = view.policy();
		return new PolicyResource(p.id(), p.provider().value(), p.providerType().value(), p.nativeId(), p.name(),
				ScheduleResource.of(p.schedule()), RetentionResource.of(p.retention()), p.immutable(),
				p.targets().stream().map(TargetResource::of).toList(), p.status(), p.providerStatus(), p.createdAt(),
				p.lastSnapshotAt(), view.overdue(), view.copies().stream().map(CopyRuleResource::of).toList(),
				p.attributes());
	}

	/**
	 * A copy rule and how it keeps up.
	 *
	 * @param targetProvider the provider each snapshot is copied to
	 * @param retention how long the target keeps each copy; {@code null} for the
	 * backend's default
	 * @param lastCopyTakenAt when the snapshot behind the newest copy at the target was
	 * taken
	 * @param lastCopyId the newest copy at the target
	 * @param overdue whether the copies lag
	 */
	@Schema(name = "PolicyCopyRule")
	public record CopyRuleResource(@Schema(maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) String targetProvider,
			@Schema(description = "ISO-8601; null for the backend's default") @Nullable String retention,
			@Schema(description = "When the snapshot behind the newest copy that reached the target was taken: "
					+ "its age is the age of the newest off-site data. Null while none has arrived, or where "
					+ "the backend does not tell (see copiesTracked)") @Nullable Instant lastCopyTakenAt,
			@Schema(description = "The newest copy at the target, a snapshot id there",
					maxLength = Patterns.SNAPSHOT_ID_MAX_LENGTH) @Nullable String lastCopyId,
			@Schema(description = "Whether the backend tells which copies arrived; when not, the rule is "
					+ "never overdue") boolean copiesTracked,
			@Schema(description = "Only for an ACTIVE policy whose backend tells: no copy at the target is newer "
					+ "than two of the schedule's longest intervals") boolean overdue) {

		static CopyRuleResource of(PolicyView.CopyHealth health) {
			PolicyCopy copy = health.copy();
			CopyRule rule = copy.rule();
			return new CopyRuleResource(rule.target().value(),
					(rule.retention() != null) ? IsoDurations.format(rule.retention()) : null, copy.lastCopyTakenAt(),
					(copy.lastCopyNativeId() != null) ? rule.target() + ":" + copy.lastCopyNativeId() : null,
					copy.told(), health.overdue());
		}

	}

	/**
	 * When the policy takes snapshots.
	 */
	@Schema(name = "Schedule")
	public record ScheduleResource(@Schema(description = "IANA time zone") String timeZone, List<RuleResource> rules) {

		static ScheduleResource of(PolicySchedule schedule) {
			return new ScheduleResource(schedule.timeZone().getId(),
					schedule.rules().stream().map(RuleResource::of).toList());
		}

	}

	/**
	 * One rule; only the fields its kind uses are present.
	 */
	@Schema(name = "Rule")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record RuleResource(@Schema(allowableValues = { "HOUR", "DAY", "WEEK", "MONTH" }) String every,
			@Nullable Integer minute, @Schema(description = "HH:MM") @Nullable String at,
			@Nullable List<DayOfWeek> on, @Nullable Integer day) {
	// @formatter:on

		static RuleResource of(ScheduleRule rule) {
			return switch (rule) {
				case ScheduleRule.Hourly hourly -> new RuleResource("HOUR", hourly.minute(), null, null, null);
				case ScheduleRule.Daily daily -> new RuleResource("DAY", null, daily.at().toString(), null, null);
				case ScheduleRule.Weekly weekly -> new RuleResource("WEEK", null, weekly.at().toString(),
						weekly.on().stream().sorted().toList(), null);
				case ScheduleRule.Monthly monthly ->
					new RuleResource("MONTH", null, monthly.at().toString(), null, monthly.day());
			};
		}

	}

	/**
	 * How long the snapshots are kept: {@code {"keepFor": "P7D", "minKept": null}} or
	 * {@code {"forever": true}}.
	 */
	@Schema(name = "Retention", oneOf = { RetentionResource.KeptFor.class, RetentionResource.KeptForever.class })
	public sealed interface RetentionResource permits RetentionResource.KeptFor, RetentionResource.KeptForever {

		static RetentionResource of(PolicyRetention retention) {
			return (retention.keepFor() != null)
					? new KeptFor(IsoDurations.format(retention.keepFor()), retention.minKept())
					: new KeptForever(true, retention.minKept());
		}

		/**
		 * Each snapshot kept for a while.
		 *
		 * @param keepFor an ISO-8601 duration
		 * @param minKept how many are kept past their expiry until newer ones exist;
		 * {@code null} for the provider's default
		 */
		@Schema(name = "RetentionKeepFor")
		record KeptFor(String keepFor, @Nullable Integer minKept) implements RetentionResource {
		}

		/**
		 * Snapshots kept until deleted.
		 *
		 * @param forever always true
		 * @param minKept present only where the provider keeps a minimum
		 */
		@Schema(name = "RetentionForever")
		record KeptForever(boolean forever,
				@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer minKept) implements RetentionResource {
		}

	}

	/**
	 * What a policy protects: a disk with its id, or the whole system.
	 */
	@Schema(name = "PolicyTarget")
	public record TargetResource(PolicyTarget.Type type,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String id) {

		static TargetResource of(PolicyTarget target) {
			return new TargetResource(target.type(), target.id());
		}

	}

}
