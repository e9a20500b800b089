package io.snapgate.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What both emulators share, under {@code snapgate.sandbox}.
 *
 * @param runSchedules whether both emulators run their schedules by themselves; tests
 * turn it off and run them on a clock they move
 */
@Validated
@ConfigurationProperties("snapgate.sandbox")
record SandboxSettings(@DefaultValue("true") boolean runSchedules) {
}
