package io.snapgate.config;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * SnapGate's own settings under {@code snapgate}.
 *
 * @param providers the configured upstreams by id; each names its {@code type}, and the
 * rest of its settings are bound by that type's factory
 * @param listing how listings across providers behave
 * @param waiting how {@code ?wait=true} behaves
 * @param tokens how page tokens and restore ids are protected
 * @param api limits of the HTTP API
 * @param resilience gateway-wide resilience settings; the rest is under
 * {@code resilience4j.*} and {@code snapgate.providers.<id>.resilience}
 * @param policies how the health of policies is watched
 * @param restores how restores are made safe
 */
@Validated
@ConfigurationProperties("snapgate")
public record SnapGateProperties(Map<String, @Valid ProviderDeclaration> providers, @Valid Listing listing,
		@Valid Waiting waiting, @Valid Tokens tokens, @Valid Resilience resilience, @Valid Api api,
		@Valid Policies policies, @Valid Restores restores) {

	public SnapGateProperties(@DefaultValue Map<String, ProviderDeclaration> providers, @DefaultValue Listing listing,
			@DefaultValue Waiting waiting, @DefaultValue Tokens tokens, @DefaultValue Resilience resilience,
			@DefaultValue Api api, @DefaultValue Policies policies, @DefaultValue Restores restores) {
		this.providers = Map.copyOf(providers);
		this.listing = listing;
		this.waiting = waiting;
		this.tokens = tokens;
		this.resilience = resilience;
		this.api = api;
		this.policies = policies;
		this.restores = restores;
	}

	/**
	 * A provider's type. The rest of its settings are that type's record, and
	 * {@code resilience}; the prefix names the map entry's pattern for the configuration
	 * metadata, as this record is bound with its parent, never as a bean.
	 *
	 * @param type the provider type, {@code vergeos} or {@code baidu}, which decides what
	 * the provider's other settings are
	 */
	@ConfigurationProperties("snapgate.providers.<id>")
	public record ProviderDeclaration(@NotBlank String type) {
	}

	/**
	 * @param providerTimeout how long a listing waits for one provider before it answers
	 * without it
	 */
	public record Listing(@NotNull @DefaultValue("PT10S") Duration providerTimeout) {
	}

	/**
	 * @param defaultTimeout how long {@code ?wait=true} waits when no {@code timeout} is
	 * given
	 * @param maxTimeout the longest {@code timeout} a caller may ask for
	 * @param pollInterval how long after the start the upstream is first asked while
	 * waiting; each later poll waits twice as long as the one before
	 * @param maxPollInterval the longest wait between two polls
	 */
	public record Waiting(@NotNull @DefaultValue("PT60S") Duration defaultTimeout,
			@NotNull @DefaultValue("PT5M") Duration maxTimeout, @NotNull @DefaultValue("PT1S") Duration pollInterval,
			@NotNull @DefaultValue("PT8S") Duration maxPollInterval) {

		@AssertTrue(message = "poll-interval must be positive and max-poll-interval no shorter")
		boolean isPollingPositive() {
			return this.pollInterval == null || this.maxPollInterval == null || (!this.pollInterval.isNegative()
					&& !this.pollInterval.isZero() && this.maxPollInterval.compareTo(this.pollInterval) >= 0);
		}

	}

	/**
	 * @param maxRequestSize the largest request body accepted; larger ones are refused
	 * with 413
	 */
	public record Api(@NotNull @DefaultValue("1MB") DataSize maxRequestSize) {
	}

	/**
	 * @param maxRetryAfter the longest upstream {@code Retry-After} that SnapGate waits
	 * out before a retry; a longer one is passed on to the caller
	 * @param budgetReplicas how many replicas share each provider's request budget: each
	 * sends its share (the Helm chart sets the most it may scale to); with Redis
	 * configured, the share each falls back to while Redis does not answer
	 * @param sharedBudgetTimeout with Redis configured, how long one request to it for a
	 * budget may take before this replica falls back to its share
	 * @param sharedBudgetRetry while Redis does not answer, how often one call tries it
	 * again
	 * @param sharedReadLease with Redis configured, how long the other replicas wait for
	 * the one reading for them all before they read themselves; longer than a read with
	 * its retries takes
	 */
	public record Resilience(@NotNull @DefaultValue("PT10S") Duration maxRetryAfter,
			@Min(1) @DefaultValue("1") int budgetReplicas,
			@NotNull @DefaultValue("PT0.25S") Duration sharedBudgetTimeout,
			@NotNull @DefaultValue("PT5S") Duration sharedBudgetRetry,
			@NotNull @DefaultValue("PT15S") Duration sharedReadLease) {

		@AssertTrue(message = "shared-budget-timeout, shared-budget-retry and shared-read-lease must be positive")
		boolean isSharedBudgetTimesPositive() {
			return (this.sharedBudgetTimeout == null || this.sharedBudgetTimeout.isPositive())
					&& (this.sharedBudgetRetry == null || this.sharedBudgetRetry.isPositive())
					&& (this.sharedReadLease == null || this.sharedReadLease.isPositive());
		}

	}

	/**
	 * @param metricsRefresh how often every provider's policies are read for the
	 * {@code snapgate_policy_*} gauges, which every read of a policy refreshes too; a
	 * survey waits at most this long for the providers
	 */
	public record Policies(@NotNull @DefaultValue("PT5M") Duration metricsRefresh) {
	}

	/**
	 * @param safetySnapshotWait how long after a restore is asked for its next write may
	 * still be sent (a rollback once its safety snapshot is usable, a recovery a stopped
	 * replica left unsent); past it, nothing more is sent and the restore is
	 * {@code FAILED}
	 * @param safetySnapshotRetention how long the backend keeps a safety snapshot before
	 * it deletes it by itself: whole days, 1 to 10000
	 * @param claimSettle how long a replica that claims a restore's next step waits
	 * before it reads its claim back; longer than two replicas' claims can land apart
	 * @param claimLease how long a claim on a step holds; an older one, with the step not
	 * marked sent, was left by a replica that stopped
	 */
	public record Restores(@NotNull @DefaultValue("PT10M") Duration safetySnapshotWait,
			@NotNull @DefaultValue("P7D") Duration safetySnapshotRetention,
			@NotNull @DefaultValue("PT1S") Duration claimSettle, @NotNull @DefaultValue("PT30S") Duration claimLease) {

		@AssertTrue(message = "safety-snapshot-retention must be whole days, 1 to 10000")
		boolean isRetentionWholeDays() {
			return this.safetySnapshotRetention == null || (this.safetySnapshotRetention.toSeconds() % 86_400 == 0
					&& this.safetySnapshotRetention.toDays() >= 1 && this.safetySnapshotRetention.toDays() <= 10_000);
		}

		@AssertTrue(message = "claim-settle must be positive and claim-lease longer")
		boolean isClaimOrdered() {
			return this.claimSettle == null || this.claimLease == null
					|| (this.claimSettle.isPositive() && this.claimLease.compareTo(this.claimSettle) > 0);
		}

	}

	/**
	 * @param signingKey the secret that signs page tokens and restore ids; every replica
	 * must share it. When unset, a random key is made at start-up and tokens only hold on
	 * this instance until it stops.
	 */
	public record Tokens(@Nullable String signingKey) {
	}

}
