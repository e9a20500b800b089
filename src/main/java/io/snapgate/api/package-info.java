/**
 * The HTTP edge: controllers, request and response records, problem details, page tokens
 * and restore ids. Knows the application layer and the domain, never an adapter.
 */
@NullMarked
package io.snapgate.api;

import org.jspecify.annotations.NullMarked;
