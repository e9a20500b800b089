/**
 * An in-memory emulator of the part of the VergeOS REST API v4 that the VergeOS adapter
 * uses, served under {@code /sandbox/vergeos/api/v4} in the {@code sandbox} profile, and
 * a second emulated system, a DR site that the first sends cloud snapshots to through
 * Site Sync, under {@code /sandbox/vergeos-dr/api/v4}.
 */
@NullMarked
package io.snapgate.sandbox.vergeos;

import org.jspecify.annotations.NullMarked;
