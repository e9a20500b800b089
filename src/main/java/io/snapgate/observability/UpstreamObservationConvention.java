package io.snapgate.observability;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names upstream call observations {@value #NAME} with the tags {@code provider},
 * {@code provider.type}, {@code operation} and {@code outcome}. Provider ids come from
 * configuration, so the tag sets stay small.
 */
public class UpstreamObservationConvention implements ObservationConvention<UpstreamCallContext> {

	public static final String NAME = "snapgate.upstream.requests";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(UpstreamCallContext context) {
		return context.provider() + " " + context.operation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(UpstreamCallContext context) {
		return KeyValues.of("provider", context.provider(), "provider.type", context.providerType(), "operation",
				context.operation(), "outcome", context.outcome().tagValue());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof UpstreamCallContext;
	}

}
