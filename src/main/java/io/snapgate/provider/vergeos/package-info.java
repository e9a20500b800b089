/**
 * The VergeOS adapter: cloud (system) snapshots over the VergeOS REST API v4, restores of
 * their VMs and tenants as new copies, and idempotent creates through a marker in the
 * snapshot's description.
 */
@NullMarked
package io.snapgate.provider.vergeos;

import org.jspecify.annotations.NullMarked;
