/**
 * An in-memory emulator of the Baidu Cloud BCC API subset SnapGate uses, served under
 * {@code /sandbox/baidu/v2/...} in the {@code sandbox} profile, verifying BCE v1
 * signatures as BCC does.
 */
@NullMarked
package io.snapgate.sandbox.baidu;

import org.jspecify.annotations.NullMarked;
