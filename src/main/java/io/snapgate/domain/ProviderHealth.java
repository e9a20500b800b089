package io.snapgate.domain;

/**
 * How well a provider is doing as SnapGate sees it.
 */
public enum ProviderHealth {

	UP, DEGRADED, DOWN

}
