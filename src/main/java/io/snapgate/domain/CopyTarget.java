package io.snapgate.domain;

/**
 * Another configured provider that a provider can copy its snapshots to, and how.
 *
 * @param provider the target provider
 * @param via how the copy travels, in the backend's own words: a region, a site sync
 */
public record CopyTarget(ProviderId provider, String via) {
}
