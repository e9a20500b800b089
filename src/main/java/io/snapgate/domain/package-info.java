/**
 * The provider-neutral model and the {@link io.snapgate.domain.SnapshotProvider} port.
 * Imports nothing of SnapGate's own.
 */
@NullMarked
package io.snapgate.domain;

import org.jspecify.annotations.NullMarked;
