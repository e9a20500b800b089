package io.snapgate.api;

import java.time.Duration;

/**
 * The HTTP edge's own settings.
 *
 * @param defaultWait how long {@code ?wait=true} waits when the caller gives no
 * {@code timeout}
 * @param maxRequestBytes the largest request body accepted
 * @param openAccess whether the gateway runs without authentication (the sandbox), to say
 * so in the API description
 */
public record ApiSettings(Duration defaultWait, long maxRequestBytes, boolean openAccess) {
}
