package io.snapgate.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.snapgate.application.CopyRecorder;
import io.snapgate.application.FanOut;
import io.snapgate.application.PolicyHealthRecorder;
import io.snapgate.application.PolicySurvey;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.observability.CopyMeters;
import io.snapgate.observability.PolicyGauges;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the policy gauges: told by every read of a policy, and by a survey of every
 * provider's policies each {@code snapgate.policies.metrics-refresh}; and the copy
 * counters, told by every copy started and read.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PolicyMetricsConfiguration {

	@Bean
	PolicyGauges policyGauges(MeterRegistry meters, ObjectProvider<Clock> clock) {
		return new PolicyGauges(meters, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	CopyRecorder copyRecorder(MeterRegistry meters) {
		return new CopyMeterRecorder(new CopyMeters(meters));
	}

	@Bean
	PolicyHealthRecorder policyHealthRecorder(PolicyGauges gauges) {
		return new PolicyGaugeRecorder(gauges);
	}

	@Bean
	PolicySurvey policySurvey(ProviderRegistry registry, FanOut fanOut, SnapGateProperties properties,
			ObjectProvider<Clock> clock, PolicyHealthRecorder health) {
		return new PolicySurvey(registry, fanOut, properties.policies().metricsRefresh(),
				clock.getIfAvailable(Clock::systemUTC), health);
	}

	@Bean
	PolicySurveySchedule policySurveySchedule(PolicySurvey survey, SnapGateProperties properties) {
		return new PolicySurveySchedule(survey, properties.policies().metricsRefresh());
	}

}
