package io.snapgate.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotProvider;

/**
 * The policy use cases: list across providers, read, create, replace, delete, attach and
 * detach targets. Each backend runs its own schedule; what is shown of a policy's health
 * is derived from what its provider tells, at the moment it is read.
 */
public class PolicyService {

	/** By provider, and within one provider in its own order. */
	private static final Comparator<Policy> BY_PROVIDER = Comparator.comparing(Policy::provider);

	private final ProviderAccess access;

	private final PolicyLocator locator;

	private final ProviderMerge merge;

	private final AuditLog audit;

	private final Clock clock;

	private final PolicyHealthRecorder health;

	public PolicyService(ProviderAccess access, PolicyLocator locator, FanOut fanOut, Duration providerTimeout,
			AuditLog audit, Clock clock, PolicyHealthRecorder health) {
		this.access = access;
		this.locator = locator;
		this.merge = new ProviderMerge(fanOut, providerTimeout);
		this.audit = audit;
		this.clock = clock;
		this.health = health;
	}

	public PolicyListing list(PolicyListRequest request) {
		List<ProviderMerge.Source<Policy>> sources = select(request.providers()).stream()
			.map((provider) -> new ProviderMerge.Source<>(provider.id(), false, policiesOf(provider)::list))
			.toList();
		ProviderMerge.Merged<Policy> merged = this.merge.page(sources, request.position(), request.pageSize(),
				BY_PROVIDER);
		List<PolicyView> views = merged.items().stream().map(this::view).toList();
		this.health.seen(views);
		return new PolicyListing(views, merged.next(), merged.failures());
	}

	/**
	 * The providers a listing asks: those named, or all the caller may read, that run
	 * policies.
	 * @throws InvalidRequestException with {@link ErrorCode#UNKNOWN_PROVIDER} when a
	 * named provider is not configured or not seen by the caller
	 */
	public Set<ProviderId> selectedProviders(Set<ProviderId> named) {
		return select(named).stream().map(SnapshotProvider::id).collect(Collectors.toSet());
	}

	public PolicyView get(PolicyRef ref) {
		Policy policy = this.locator.locate(ref, ProviderScope.POLICIES_READ)
			.get(ref.nativeId())
			.orElseThrow(() -> notFound(ref));
		return seen(policy);
	}

	public PolicyView create(NewPolicy request) {
		PolicyProvider policies = schedulerOf(request.provider());
		// without a caller's key, one made here still keeps retries of this very call
		// from making two
		String key = (request.idempotencyKey() != null) ? request.idempotencyKey() : "auto-" + UUID.randomUUID();
		IdempotencyKey idempotency = new IdempotencyKey(key, IdempotencyKey.sha256Hex(request.canonicalForm()));
		Policy created = this.audit.record("policy-create", request.provider().value(), "name=" + request.spec().name(),
				() -> policies.create(request.spec(), idempotency));
		return seen(created);
	}

	/**
	 * What {@link #create} would do, from reads alone; it fails where {@code create}
	 * would, with the same problem.
	 */
	public PreviewResult previewCreate(NewPolicy request) {
		PolicyProvider policies = schedulerOf(request.provider());
		IdempotencyKey idempotency = (request.idempotencyKey() != null)
				? new IdempotencyKey(request.idempotencyKey(), IdempotencyKey.sha256Hex(request.canonicalForm()))
				: null;
		return new PreviewResult(request.provider(), policies.previewCreate(request.spec(), idempotency));
	}

	/** Replaces name, schedule, retention and flags; the targets stay. */
	public PolicyView replace(PolicyRef ref, PolicySpec spec) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		Policy replaced = this.audit.record("policy-replace", ref.provider().value(), ref.toString(),
				() -> policies.replace(ref.nativeId(), spec));
		return seen(replaced);
	}

	/**
	 * What {@link #replace} would do, from reads alone; it fails where {@code replace}
	 * would, with the same problem.
	 */
	public PreviewResult previewReplace(PolicyRef ref, PolicySpec spec) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		return new PreviewResult(ref.provider(), policies.previewReplace(ref.nativeId(), spec));
	}

	/** What {@link #delete} would do; it fails where {@code delete} would. */
	public PreviewResult previewDelete(PolicyRef ref) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		return new PreviewResult(ref.provider(), policies.previewDelete(ref.nativeId()));
	}

	/** What {@link #attach} would do; it fails where {@code attach} would. */
	public PreviewResult previewAttach(PolicyRef ref, List<PolicyTarget> targets) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		return new PreviewResult(ref.provider(), policies.previewAttach(ref.nativeId(), targets));
	}

	/** What {@link #detach} would do; it fails where {@code detach} would. */
	public PreviewResult previewDetach(PolicyRef ref, String targetId) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		return new PreviewResult(ref.provider(), policies.previewDetach(ref.nativeId(), targetId));
	}

	/** Deletes a policy; the snapshots it made stay. */
	public void delete(PolicyRef ref) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		this.audit.record("policy-delete", ref.provider().value(), ref.toString(), () -> {
			policies.delete(ref.nativeId());
			return ref;
		});
		this.health.deleted(ref);
	}

	public PolicyView attach(PolicyRef ref, List<PolicyTarget> targets) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		String described = ref + " " + String.join(",", targets.stream().map(PolicyService::describe).toList());
		Policy attached = this.audit.record("policy-attach", ref.provider().value(), described,
				() -> policies.attach(ref.nativeId(), targets));
		return seen(attached);
	}

	public PolicyView detach(PolicyRef ref, String targetId) {
		PolicyProvider policies = this.locator.locate(ref, ProviderScope.POLICIES_WRITE);
		Policy detached = this.audit.record("policy-detach", ref.provider().value(), ref + " " + targetId,
				() -> policies.detach(ref.nativeId(), targetId));
		return seen(detached);
	}

	private PolicyView seen(Policy policy) {
		PolicyView view = view(policy);
		this.health.seen(List.of(view));
		return view;
	}

	private PolicyView view(Policy policy) {
		return PolicyView.at(policy, this.clock.instant());
	}

	private List<SnapshotProvider> select(Set<ProviderId> named) {
		return this.access.select(named, ProviderScope.POLICIES_READ)
			.stream()
			.filter((provider) -> provider.policies().isPresent())
			.toList();
	}

	private PolicyProvider schedulerOf(ProviderId id) {
		SnapshotProvider provider = this.access.find(id, ProviderScope.POLICIES_WRITE)
			.orElseThrow(() -> new InvalidRequestException(ErrorCode.UNKNOWN_PROVIDER,
					"No provider '" + id + "' is configured", FieldError.of("provider", "no such provider")));
		return provider.policies()
			.orElseThrow(() -> InvalidRequestException.unsupported("provider",
					"provider " + id + " (of type " + provider.type() + ") runs no policies that SnapGate can manage"));
	}

	private static PolicyProvider policiesOf(SnapshotProvider provider) {
		return provider.policies().orElseThrow(() -> new IllegalStateException("selected for its policies"));
	}

	private static String describe(PolicyTarget target) {
		return (target.id() != null) ? target.type() + ":" + target.id() : target.type().name();
	}

	static NotFoundException notFound(PolicyRef ref) {
		return new NotFoundException(ErrorCode.POLICY_NOT_FOUND, "No policy " + ref);
	}

}
