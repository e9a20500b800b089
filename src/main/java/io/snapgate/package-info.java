/**
 * SnapGate, a provider-neutral REST gateway for snapshots and restores: the application
 * class that starts it.
 */
@NullMarked
package io.snapgate;

import org.jspecify.annotations.NullMarked;
