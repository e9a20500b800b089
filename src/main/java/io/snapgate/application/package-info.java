/**
 * The use cases behind the HTTP API: listing across providers, creating, deleting and
 * restoring snapshots. Knows the domain and nothing else of SnapGate's.
 */
@NullMarked
package io.snapgate.application;

import org.jspecify.annotations.NullMarked;
