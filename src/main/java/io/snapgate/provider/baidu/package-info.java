/**
 * The Baidu Cloud BCC adapter: per-disk snapshots of system and CDS volumes, rolled back
 * in place. Requests are signed with BCE v1
 * ({@link io.snapgate.provider.baidu.BceV1Signer}).
 */
@NullMarked
package io.snapgate.provider.baidu;

import org.jspecify.annotations.NullMarked;
