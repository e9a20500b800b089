/**
 * An in-memory emulator of the Baidu Cloud BCC API subset SnapGate uses, for two regions
 * of one account: {@code bj} served under {@code /sandbox/baidu/v2/...} and {@code gz}
 * under {@code /sandbox/baidu-gz/v2/...}, in the {@code sandbox} profile, verifying BCE
 * v1 signatures as BCC does.
 */
@NullMarked
package io.snapgate.sandbox.baidu;

import org.jspecify.annotations.NullMarked;
