package io.snapgate.guard;

import java.util.List;
import java.util.Optional;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ProviderId;
import io.snapgate.provider.UpstreamOperation;
import org.jspecify.annotations.Nullable;

/**
 * A provider's policies behind the same guards as its snapshots: one breaker, one
 * bulkhead, one budget of time per provider, whatever is asked of it.
 */
final class ResilientPolicyProvider implements PolicyProvider {

	private final PolicyProvider delegate;

	private final GuardEngine engine;

	ResilientPolicyProvider(PolicyProvider delegate, GuardEngine engine) {
		this.delegate = delegate;
		this.engine = engine;
	}

	@Override
	public ProviderId id() {
		return this.delegate.id();
	}

	@Override
	public PolicyFeatures features() {
		return this.delegate.features();
	}

	@Override
	public boolean isValidPolicyId(String nativeId) {
		return this.delegate.isValidPolicyId(nativeId);
	}

	@Override
	public Page<Policy> list(@Nullable Cursor cursor, int limit) {
		return this.engine.read(UpstreamOperation.POLICY_LIST, cursor + "\n" + limit, Answer.POLICY_PAGE,
				() -> this.delegate.list(cursor, limit));
	}

	@Override
	public Optional<Policy> get(String nativeId) {
		return this.engine.read(UpstreamOperation.POLICY_GET, nativeId, Answer.POLICY,
				() -> this.delegate.get(nativeId));
	}

	@Override
	public Preview previewCreate(PolicySpec spec, @Nullable IdempotencyKey idempotency) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewCreate(spec, idempotency));
	}

	@Override
	public Policy create(PolicySpec spec, IdempotencyKey idempotency) {
		return this.engine.write(UpstreamOperation.POLICY_CREATE, () -> this.delegate.create(spec, idempotency));
	}

	@Override
	public Policy replace(String nativeId, PolicySpec spec) {
		return this.engine.write(UpstreamOperation.POLICY_REPLACE, () -> this.delegate.replace(nativeId, spec));
	}

	@Override
	public Preview previewReplace(String nativeId, PolicySpec spec) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewReplace(nativeId, spec));
	}

	@Override
	public Preview previewDelete(String nativeId) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewDelete(nativeId));
	}

	@Override
	public Preview previewAttach(String nativeId, List<PolicyTarget> targets) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewAttach(nativeId, targets));
	}

	@Override
	public Preview previewDetach(String nativeId, String targetId) {
		return this.engine.call(UpstreamOperation.PREVIEW, () -> this.delegate.previewDetach(nativeId, targetId));
	}

	@Override
	public void delete(String nativeId) {
		this.engine.write(UpstreamOperation.POLICY_DELETE, () -> {
			this.delegate.delete(nativeId);
			return nativeId;
		});
	}

	@Override
	public Policy attach(String nativeId, List<PolicyTarget> targets) {
		return this.engine.write(UpstreamOperation.POLICY_ATTACH, () -> this.delegate.attach(nativeId, targets));
	}

	@Override
	public Policy detach(String nativeId, String targetId) {
		return this.engine.write(UpstreamOperation.POLICY_DETACH, () -> this.delegate.detach(nativeId, targetId));
	}

}
