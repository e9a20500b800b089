/**
 * The composition root: configuration properties and bean wiring. The only package that
 * knows the provider adapters.
 */
@NullMarked
package io.snapgate.config;

import org.jspecify.annotations.NullMarked;
