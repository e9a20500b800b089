package io.snapgate.config;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.snapgate.guard.ResilienceSettings;

/**
 * One provider as configured: its type, the settings record its type's factory bound and
 * validated, and its resilience settings. Shown by {@code /actuator/configprops} with the
 * settings beside {@code type}, as they are written.
 *
 * @param type the provider type
 * @param settings the type's settings record
 * @param resilience the provider's departures from the resilience defaults
 */
record ConfiguredProvider(String type, @JsonUnwrapped Object settings, ResilienceSettings resilience) {
}
