package io.snapgate.config;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.snapgate.domain.ProviderCircuits;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.observability.ProviderHealthIndicators;
import io.snapgate.observability.UpstreamExchangeCounter;
import io.snapgate.observability.UpstreamTracePropagation;
import io.snapgate.guard.ResilienceDecorator;
import io.snapgate.guard.ResilienceProviderCircuits;
import io.snapgate.guard.SharedBudgets;
import io.snapgate.guard.SharedReads;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the resilience decorator from the Resilience4j registries that its Spring Boot
 * starter builds out of {@code resilience4j.*}.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	@Bean
	ProviderCircuits providerCircuits(CircuitBreakerRegistry circuitBreakers) {
		return new ResilienceProviderCircuits(circuitBreakers);
	}

	@Bean
	CompositeHealthContributor providersHealthContributor(ProviderRegistry registry, ProviderCircuits circuits) {
		return ProviderHealthIndicators.of(registry, circuits);
	}

	/**
	 * The attempt's observation is the upstream call's span: WebClient's own observation
	 * is off ({@code management.observations.enable.http.client.requests}), and this
	 * sends the attempt's trace context upstream instead, and each request is counted.
	 */
	@Bean
	WebClientCustomizer upstreamExchanges(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
			MeterRegistry meters) {
		return (builder) -> {
			builder.filter(new UpstreamExchangeCounter(meters));
			Tracer spans = tracer.getIfAvailable();
			Propagator headers = propagator.getIfAvailable();
			if (spans != null && headers != null) {
				builder.filter(new UpstreamTracePropagation(spans, headers));
			}
		};
	}

	@Bean
	ResilienceDecorator resilienceDecorator(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			TimeLimiterRegistry timeLimiters, RetryRegistry retries, RateLimiterRegistry rateLimiters,
			ObservationRegistry observations, SnapGateProperties properties, MeterRegistry meters,
			ObjectProvider<SharedBudgets> sharedBudgets, ObjectProvider<SharedReads> sharedReads) {
		return new ResilienceDecorator(circuitBreakers, bulkheads, timeLimiters, retries, rateLimiters, observations,
				properties.resilience().maxRetryAfter(), properties.resilience().budgetReplicas(), meters,
				sharedBudgets.getIfAvailable(), sharedReads.getIfAvailable());
	}

}
