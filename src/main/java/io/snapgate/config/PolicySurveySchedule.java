package io.snapgate.config;

import java.time.Duration;

import io.snapgate.application.PolicySurvey;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the policy survey on Spring's task scheduler, one interval after start-up and then
 * one interval after each survey ends, so that surveys never overlap.
 */
final class PolicySurveySchedule implements SchedulingConfigurer {

	private final PolicySurvey survey;

	private final Duration interval;

	PolicySurveySchedule(PolicySurvey survey, Duration interval) {
		this.survey = survey;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this.survey::run, this.interval, this.interval));
	}

}
