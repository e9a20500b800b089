/**
 * Adapters of the {@link io.snapgate.domain.SnapshotProvider} port, one package per
 * provider type, each found through its
 * {@link io.snapgate.provider.SnapshotProviderFactory}.
 */
@NullMarked
package io.snapgate.provider;

import org.jspecify.annotations.NullMarked;
