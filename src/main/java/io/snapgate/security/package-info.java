/**
 * Who may call: JWT bearer tokens and API keys, with scopes per operation and grants of
 * them per provider; failing closed outside the sandbox.
 */
@NullMarked
package io.snapgate.security;

import org.jspecify.annotations.NullMarked;
