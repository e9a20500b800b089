package io.snapgate.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /policies} and {@code PUT /policies/{id}}. What the chosen
 * provider's scheduler cannot express is refused by name, never approximated.
 */
@Schema(name = "PolicyRequest")
public record PolicyRequest(@Schema(
		description = "POST: the provider to run the policy (required). PUT: omitted, or the policy's own provider",
		maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) @Pattern(regexp = Patterns.PROVIDER_ID,
				message = "must be a configured provider id") @Nullable String provider,
		@Schema(description = "1-128 printable characters; providers may be stricter",
				requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 128) @Pattern(regexp = Patterns.PRINTABLE,
						message = "must not contain control characters") @Nullable String name,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Valid @Nullable ScheduleRequest schedule,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Valid @Nullable RetentionRequest retention,
		@Schema(description = "Lock the policy's snapshots against deletion; default false") @Nullable Boolean immutable,
		@Schema(description = "POST only: what the policy protects. PUT leaves the targets as they are; "
				+ "change them with POST /policies/{id}/targets and DELETE /policies/{id}/targets/{targetId}") @Size(
						max = 100) @Nullable List<@Valid @Nullable TargetRequest> targets,
		@Schema(description = "Copy each snapshot the policy takes to another provider, by the backend itself: "
				+ "providers whose policies can copy (policies.copies in /providers) take them") @Size(
						max = 10) @Nullable List<@Valid @Nullable CopyRuleRequest> copies) {

	/**
	 * Where a policy's snapshots are copied to.
	 *
	 * @param targetProvider one of the policy's provider's copyTargets in /providers
	 * @param retention how long the target keeps each copy; the backend's default without
	 * it
	 */
	@Schema(name = "CopyRuleRequest")
	public record CopyRuleRequest(
			@Schema(example = "vergeos-dr", maxLength = Patterns.PROVIDER_ID_MAX_LENGTH,
					requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Pattern(regexp = Patterns.PROVIDER_ID,
							message = "must be a provider id") @Nullable String targetProvider,
			@Schema(example = "P30D", type = "string") @Pattern(regexp = Patterns.ISO_DURATION,
					message = "must be an ISO-8601 duration such as P7D or PT12H") @Nullable String retention) {
	}

	/**
	 * When the policy takes snapshots.
	 *
	 * @param timeZone the IANA time zone the rules' times are meant in
	 * @param rules at least one rule
	 */
	@Schema(name = "ScheduleRequest")
	public record ScheduleRequest(
			@Schema(description = "IANA time zone, such as Asia/Shanghai",
					requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 64) @Nullable String timeZone,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(
					max = 48) @Nullable List<@Valid @Nullable RuleRequest> rules) {
	}

	/**
	 * One rule: {@code {"every":"HOUR","minute":0}},
	 * {@code {"every":"DAY","at":"02:00"}},
	 * {@code {"every":"WEEK","on":["SATURDAY"],"at":"03:00"}} or
	 * {@code {"every":"MONTH","day":1,"at":"04:00"}}.
	 */
	@Schema(name = "RuleRequest")
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record RuleRequest(
			@Schema(allowableValues = { "HOUR", "DAY", "WEEK", "MONTH" },
					requiredMode = Schema.RequiredMode.REQUIRED) @Pattern(regexp = "HOUR|DAY|WEEK|MONTH",
							message = "must be one of HOUR, DAY, WEEK, MONTH") @Nullable String every,
			@Schema(description = "HOUR: minutes past the hour, 0-59") @Min(0) @Max(59) @Nullable Integer minute,
			@Schema(description = "DAY, WEEK, MONTH: the time of day, HH:MM") @Pattern(regexp = TIME_OF_DAY,
					message = "must be a time of day HH:MM, 00:00 to 23:59") @Nullable String at,
			@Schema(description = "WEEK: the days, MONDAY to SUNDAY") @Size(max = 7) @Nullable List<@Pattern(
					regexp = DAY_OF_WEEK, message = "must be a day MONDAY to SUNDAY") @Nullable String> on,
			@Schema(description = "MONTH: the day of the month, 1-31") @Min(1) @Max(31) @Nullable Integer day) {
	// @formatter:on

		static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9]";

		static final String DAY_OF_WEEK = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY";

	}

	/**
	 * How long the snapshots are kept: {@code keepFor}, or {@code forever}.
	 *
	 * @param keepFor an ISO-8601 duration
	 * @param minKept how many are kept past their expiry until newer ones exist
	 * @param forever keep them until deleted
	 */
	@Schema(name = "RetentionRequest")
	public record RetentionRequest(
			@Schema(description = "ISO-8601 duration, such as P7D or PT12H", type = "string") @Pattern(
					regexp = Patterns.ISO_DURATION,
					message = "must be an ISO-8601 duration such as P7D or PT12H") @Nullable String keepFor,
			@Schema(description = "How many are kept past their expiry until newer ones exist; "
					+ "null for the provider's default") @Min(0) @Max(65535) @Nullable Integer minKept,
			@Schema(description = "Keep them until deleted, instead of keepFor") @Nullable Boolean forever) {
	}

	/**
	 * What a policy protects.
	 *
	 * @param type a disk ({@code VOLUME}, with its id), a machine ({@code MACHINE}, with
	 * its id) or the whole system ({@code SYSTEM}, without)
	 * @param id the disk's or the machine's id
	 */
	@Schema(name = "TargetRequest")
	// @formatter:off (it would drop the space before the body: a component annotation has an array)
	public record TargetRequest(
			@Schema(allowableValues = { "VOLUME", "MACHINE", "SYSTEM" },
					requiredMode = Schema.RequiredMode.REQUIRED) @Pattern(regexp = "VOLUME|MACHINE|SYSTEM",
							message = "must be VOLUME, MACHINE or SYSTEM") @Nullable String type,
			@Schema(description = "VOLUME: the disk's id; MACHINE: the machine's id (or, where the provider takes it, its name)", maxLength = Patterns.UPSTREAM_ID_MAX_LENGTH) @Pattern(
					regexp = Patterns.UPSTREAM_ID,
					message = "must be 1-64 letters, digits, '-' or '_'") @Nullable String id) {
	// @formatter:on
	}

}
