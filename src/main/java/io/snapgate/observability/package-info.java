/**
 * How upstream calls are observed: one observation per attempt, named and tagged the same
 * way for every provider.
 */
@NullMarked
package io.snapgate.observability;

import org.jspecify.annotations.NullMarked;
