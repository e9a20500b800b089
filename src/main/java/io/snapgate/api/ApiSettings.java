package io.snapgate.api;

import java.time.Duration;

/**
 * The HTTP edge's own settings.
 *
 * @param defaultWait how long {@code ?wait=true} waits when the caller gives no {@code timeout}
 */
public record ApiSettings(Duration defaultWait) {
}
