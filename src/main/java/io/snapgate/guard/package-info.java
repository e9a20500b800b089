/**
 * Wraps every provider with Resilience4j (time limit, bulkhead, circuit breaker, safe
 * retries) and one observation per attempt, keyed by provider id.
 */
@NullMarked
package io.snapgate.guard;

import org.jspecify.annotations.NullMarked;
