package io.snapgate.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.snapgate.application.FanOut.Outcome;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.Lane;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every policy of every provider that runs them, in parallel, and tells the
 * {@link PolicyHealthRecorder} each provider's whole set. A provider that cannot answer
 * is left as it was last told.
 */
public class PolicySurvey {

	private static final Logger logger = LoggerFactory.getLogger(PolicySurvey.class);

	static final int PAGE_SIZE = 500;

	/** Bounds the work of one survey, whatever a provider answers. */
	static final int MAX_PAGES = 20;

	private final ProviderRegistry registry;

	private final FanOut fanOut;

	private final Duration timeout;

	private final Clock clock;

	private final PolicyHealthRecorder health;

	/**
	 * @param timeout how long one survey waits for all providers
	 */
	public PolicySurvey(ProviderRegistry registry, FanOut fanOut, Duration timeout, Clock clock,
			PolicyHealthRecorder health) {
		this.registry = registry;
		this.fanOut = fanOut;
		this.timeout = timeout;
		this.clock = clock;
		this.health = health;
	}

	/** Runs as background work: the budget serves callers' own requests first. */
	public void run() {
		Lane.inBackground(this::survey);
	}

	private void survey() {
		Map<ProviderId, Callable<Read>> tasks = new LinkedHashMap<>();
		this.registry.all()
			.forEach((provider) -> provider.policies()
				.ifPresent((policies) -> tasks.put(provider.id(), () -> readAll(policies))));
		this.fanOut.run(tasks, this.timeout).forEach((provider, outcome) -> {
			switch (outcome) {
				case Outcome.Success<Read> success -> record(provider, success.value());
				case Outcome.Failure<Read> failure ->
					logger.debug("Policies of provider {} not surveyed: {}", provider, failure.error().getMessage());
			}
		});
	}

	private void record(ProviderId provider, Read read) {
		List<PolicyView> views = read.policies()
			.stream()
			.map((policy) -> PolicyView.at(policy, this.clock.instant()))
			.toList();
		if (read.complete()) {
			this.health.surveyed(provider, views);
		}
		else {
			this.health.seen(views);
		}
	}

	private static Read readAll(PolicyProvider policies) {
		List<Policy> all = new ArrayList<>();
		Cursor cursor = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			Page<Policy> read = policies.list(cursor, PAGE_SIZE);
			all.addAll(read.items());
			cursor = read.next();
			if (cursor == null) {
				return new Read(all, true);
			}
		}
		return new Read(all, false);
	}

	/**
	 * @param complete whether the provider's listing was read to its end
	 */
	private record Read(List<Policy> policies, boolean complete) {
	}

}
