package io.snapgate.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.snapgate.domain.ProviderId;

/**
 * Keeps what a {@link PolicyHealthRecorder} is told, for assertions.
 */
final class RecordingPolicyHealth implements PolicyHealthRecorder {

	final List<PolicyView> seen = new CopyOnWriteArrayList<>();

	final Map<ProviderId, List<PolicyView>> surveyed = new ConcurrentHashMap<>();

	final List<PolicyRef> deleted = new CopyOnWriteArrayList<>();

	@Override
	public void seen(List<PolicyView> policies) {
		this.seen.addAll(policies);
	}

	@Override
	public void surveyed(ProviderId provider, List<PolicyView> policies) {
		this.surveyed.put(provider, List.copyOf(policies));
	}

	@Override
	public void deleted(PolicyRef policy) {
		this.deleted.add(policy);
	}

}
