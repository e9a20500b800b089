package io.snapgate.provider;

import org.jspecify.annotations.Nullable;

/**
 * What the shared exchange needs to know of one kind of upstream.
 *
 * @param name how messages name it, such as {@code VergeOS}
 * @param requestIdHeader the header in which it answers its own request id, if any
 * @param bodyType the {@code Content-Type} of the bodies sent to it, byte for byte as it
 * is signed
 * @param trustAdvice what to check when its TLS handshake fails, for the message
 */
public record Upstream(String name, @Nullable String requestIdHeader, String bodyType, String trustAdvice) {
}
