/**
 * Embedded emulators of the upstream APIs, active only in the {@code sandbox} profile, so
 * that the gateway runs and can be tried with no upstream at hand. The real adapters
 * reach them over HTTP.
 */
@NullMarked
package io.snapgate.sandbox;

import org.jspecify.annotations.NullMarked;
