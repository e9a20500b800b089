/**
 * An in-memory emulator of the part of the VergeOS REST API v4 that the VergeOS adapter
 * uses, served under {@code /sandbox/vergeos/api/v4} in the {@code sandbox} profile.
 */
@NullMarked
package io.snapgate.sandbox.vergeos;

import org.jspecify.annotations.NullMarked;
