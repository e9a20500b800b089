package io.snapgate.provider;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.snapgate.domain.CopyTarget;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;

/**
 * The providers a provider copies its snapshots to, as configured, each with what the
 * backend reaches it by: a region, an outgoing sync.
 */
public final class CopyRoutes {

	private final ProviderId source;

	private final Map<ProviderId, String> routes;

	private final String kind;

	/**
	 * @param routes the backend's name of the way to each target, by target provider id
	 * @param kind what such a name names, as {@code /providers} shows it: {@code region},
	 * {@code site sync}
	 */
	public CopyRoutes(ProviderId source, Map<String, String> routes, String kind) {
		this.source = source;
		this.routes = routes.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((entry) -> new ProviderId(entry.getKey()), Map.Entry::getValue));
		this.kind = kind;
	}

	public List<CopyTarget> targets() {
		return this.routes.entrySet()
			.stream()
			.map((entry) -> new CopyTarget(entry.getKey(), this.kind + " " + entry.getValue()))
			.sorted(Comparator.comparing((target) -> target.provider().value()))
			.toList();
	}

	/**
	 * The way to a target.
	 * @throws InvalidRequestException naming {@code targetProvider} when none is
	 * configured
	 */
	public String to(ProviderId target) {
		String route = this.routes.get(target);
		if (route == null) {
			throw InvalidRequestException.unsupported("targetProvider",
					"provider " + this.source + " copies to " + this.routes.keySet());
		}
		return route;
	}

	/** Each target with the way to it. */
	public Map<ProviderId, String> all() {
		return this.routes;
	}

}
