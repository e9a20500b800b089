package io.snapgate.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.PolicyFeatures.RuleKind;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.SnapGateException;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link PolicyProvider} for tests of everything above the port. Pages by
 * offset in the order of its ids, refuses what its {@link PolicyFeatures} cannot express
 * as an adapter would, honours idempotency keys, counts its calls and can be told to
 * fail.
 */
public final class FakePolicyProvider implements PolicyProvider {

	/**
	 * What a whole-system scheduler expresses, one that can be given the whole system
	 * through its API (unlike VergeOS, whose system profile is chosen in its own UI).
	 */
	public static final PolicyFeatures SYSTEM_FEATURES = new PolicyFeatures(EnumSet.allOf(RuleKind.class), Set.of(),
			ZoneId.of("UTC"), Duration.ofSeconds(1), true, true, true, EnumSet.of(PolicyTarget.Type.SYSTEM), 16, false);

	/** What a per-disk scheduler (Baidu-like) expresses. */
	public static final PolicyFeatures VOLUME_FEATURES = new PolicyFeatures(
			EnumSet.of(RuleKind.HOUR, RuleKind.DAY, RuleKind.WEEK), Set.of(0), ZoneId.of("Asia/Shanghai"),
			Duration.ofDays(1), true, false, false, EnumSet.of(PolicyTarget.Type.VOLUME), 1, false);

	private static final Comparator<String> BY_NUMBER = Comparator.comparingInt(String::length)
		.thenComparing(Comparator.naturalOrder());

	private final ProviderId id;

	private final ProviderType type;

	private final PolicyFeatures features;

	private final Map<String, Policy> policies = new ConcurrentSkipListMap<>(BY_NUMBER);

	private final Map<String, String> idempotency = new ConcurrentHashMap<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger sequence = new AtomicInteger(1000);

	private final AtomicInteger failuresLeft = new AtomicInteger(-1);

	private volatile Clock clock = Clock.systemUTC();

	private volatile @Nullable Supplier<SnapGateException> failure;

	private FakePolicyProvider(String id, String type, PolicyFeatures features) {
		this.id = new ProviderId(id);
		this.type = new ProviderType(type);
		this.features = features;
	}

	public static FakePolicyProvider system(String id) {
		return new FakePolicyProvider(id, "fake-system", SYSTEM_FEATURES);
	}

	public static FakePolicyProvider volume(String id) {
		return new FakePolicyProvider(id, "fake-volume", VOLUME_FEATURES);
	}

	/** The clock that stamps what it creates. */
	public FakePolicyProvider withClock(Clock clock) {
		this.clock = clock;
		return this;
	}

	public FakePolicyProvider withPolicy(Policy policy) {
		this.policies.put(policy.nativeId(), policy);
		return this;
	}

	/**
	 * A policy of this provider, daily at 02:00 UTC, kept for a week: active with
	 * targets, not assigned without.
	 */
	public Policy policy(String nativeId, String name, @Nullable Instant createdAt, @Nullable Instant lastSnapshotAt,
			PolicyTarget... targets) {
		return policy(nativeId, name,
				new PolicySchedule(ZoneId.of("UTC"), List.of(new ScheduleRule.Daily(LocalTime.of(2, 0)))), createdAt,
				lastSnapshotAt, targets);
	}

	public Policy policy(String nativeId, String name, PolicySchedule schedule, @Nullable Instant createdAt,
			@Nullable Instant lastSnapshotAt, PolicyTarget... targets) {
		return new Policy(this.id, this.type, nativeId, name, schedule, new PolicyRetention(Duration.ofDays(7), null),
				false, List.of(targets), statusOf(List.of(targets)), "active", createdAt, lastSnapshotAt, Map.of());
	}

	/**
	 * Forgets every policy, call and setting, for test classes that share one instance.
	 */
	public void reset() {
		this.policies.clear();
		this.idempotency.clear();
		this.calls.clear();
		this.sequence.set(1000);
		this.failure = null;
		this.failuresLeft.set(-1);
		this.clock = Clock.systemUTC();
	}

	public void failWith(@Nullable Supplier<SnapGateException> failure) {
		this.failure = failure;
		this.failuresLeft.set(-1);
	}

	/** Fails the next {@code times} calls, then answers again. */
	public void failTimes(int times, Supplier<SnapGateException> failure) {
		this.failure = failure;
		this.failuresLeft.set(times);
	}

	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	public long callsTo(String operation) {
		return this.calls.stream().filter(operation::equals).count();
	}

	public int size() {
		return this.policies.size();
	}

	public Optional<Policy> stored(String nativeId) {
		return Optional.ofNullable(this.policies.get(nativeId));
	}

	@Override
	public ProviderId id() {
		return this.id;
	}

	@Override
	public PolicyFeatures features() {
		return this.features;
	}

	@Override
	public boolean isValidPolicyId(String nativeId) {
		return nativeId.matches("p-[0-9]{1,12}");
	}

	@Override
	public Page<Policy> list(@Nullable Cursor cursor, int limit) {
		enter("list");
		return OffsetPages.page(List.copyOf(this.policies.values()), cursor, limit);
	}

	@Override
	public Optional<Policy> get(String nativeId) {
		enter("get");
		return Optional.ofNullable(this.policies.get(nativeId));
	}

	@Override
	public Preview previewCreate(PolicySpec spec, @Nullable IdempotencyKey idempotency) {
		enter("previewCreate");
		check(spec, true);
		return new PreviewBuilder().passed("FAKE_SPEC", "the fake runs it")
			.action(Preview.Change.CREATE, "POLICY", null, spec.name(), null, "a policy")
			.build();
	}

	@Override
	public Policy create(PolicySpec spec, IdempotencyKey idempotency) {
		enter("create");
		check(spec, true);
		String token = idempotency.token(this.id);
		String existing = this.idempotency.get(token);
		if (existing != null) {
			String[] parts = existing.split(" ", -1);
			if (!parts[1].equals(idempotency.fingerprint())) {
				throw new IdempotencyKeyReusedException().from(this.id);
			}
			return require(parts[0]);
		}
		String nativeId = "p-" + this.sequence.incrementAndGet();
		Policy policy = new Policy(this.id, this.type, nativeId, spec.name(), spec.schedule(), spec.retention(),
				spec.immutable(), spec.targets(), statusOf(spec.targets()), "active", this.clock.instant(), null,
				Map.of());
		this.policies.put(nativeId, policy);
		this.idempotency.put(token, nativeId + " " + idempotency.fingerprint());
		return policy;
	}

	@Override
	public Policy replace(String nativeId, PolicySpec spec) {
		enter("replace");
		Policy current = require(nativeId);
		check(spec, false);
		Policy replaced = new Policy(this.id, this.type, nativeId, spec.name(), spec.schedule(), spec.retention(),
				spec.immutable(), current.targets(), current.status(), current.providerStatus(), current.createdAt(),
				current.lastSnapshotAt(), current.attributes());
		this.policies.put(nativeId, replaced);
		return replaced;
	}

	@Override
	public Preview previewReplace(String nativeId, PolicySpec spec) {
		enter("previewReplace");
		require(nativeId);
		check(spec, false);
		return new PreviewBuilder().action(Preview.Change.OVERWRITE, "POLICY", nativeId, spec.name(), null, "a policy")
			.build();
	}

	@Override
	public Preview previewDelete(String nativeId) {
		enter("previewDelete");
		Policy current = require(nativeId);
		PreviewBuilder preview = new PreviewBuilder();
		current.targets()
			.forEach((target) -> preview.action(Preview.Change.DETACH, target.type().name(), target.id(), null, null,
					"a target"));
		return preview.action(Preview.Change.DELETE, "POLICY", nativeId, current.name(), null, "a policy").build();
	}

	@Override
	public Preview previewAttach(String nativeId, List<PolicyTarget> targets) {
		enter("previewAttach");
		require(nativeId);
		checkTargets(targets);
		PreviewBuilder preview = new PreviewBuilder();
		targets.forEach((target) -> preview.action(Preview.Change.ATTACH, target.type().name(), target.id(), null, null,
				"a target"));
		return preview.build();
	}

	@Override
	public Preview previewDetach(String nativeId, String targetId) {
		enter("previewDetach");
		Policy current = require(nativeId);
		if (current.targets().stream().noneMatch((t) -> targetId.equals(t.id()))) {
			throw new NotFoundException(ErrorCode.NOT_FOUND, "Policy " + nativeId + " has no target " + targetId)
				.from(this.id);
		}
		return new PreviewBuilder().action(Preview.Change.DETACH, "VOLUME", targetId, null, null, "a target").build();
	}

	@Override
	public void delete(String nativeId) {
		enter("delete");
		require(nativeId);
		this.policies.remove(nativeId);
	}

	@Override
	public Policy attach(String nativeId, List<PolicyTarget> targets) {
		enter("attach");
		Policy current = require(nativeId);
		checkTargets(targets);
		List<PolicyTarget> attached = new ArrayList<>(current.targets());
		targets.stream().filter((target) -> !attached.contains(target)).forEach(attached::add);
		return store(current, attached);
	}

	@Override
	public Policy detach(String nativeId, String targetId) {
		enter("detach");
		Policy current = require(nativeId);
		List<PolicyTarget> left = current.targets().stream().filter((t) -> !targetId.equals(t.id())).toList();
		if (left.size() == current.targets().size()) {
			throw new NotFoundException(ErrorCode.NOT_FOUND, "Policy " + nativeId + " has no target " + targetId)
				.from(this.id);
		}
		return store(current, left);
	}

	private Policy store(Policy current, List<PolicyTarget> targets) {
		Policy changed = new Policy(this.id, this.type, current.nativeId(), current.name(), current.schedule(),
				current.retention(), current.immutable(), targets, statusOf(targets), current.providerStatus(),
				current.createdAt(), current.lastSnapshotAt(), current.attributes());
		this.policies.put(current.nativeId(), changed);
		return changed;
	}

	private static PolicyStatus statusOf(List<PolicyTarget> targets) {
		return targets.isEmpty() ? PolicyStatus.NOT_ASSIGNED : PolicyStatus.ACTIVE;
	}

	private Policy require(String nativeId) {
		Policy policy = this.policies.get(nativeId);
		if (policy == null) {
			throw new NotFoundException(ErrorCode.POLICY_NOT_FOUND, "No policy " + nativeId).from(this.id);
		}
		return policy;
	}

	/** Refuses, by field, what this scheduler cannot express, as the port asks. */
	private void check(PolicySpec spec, boolean withTargets) {
		List<FieldError> errors = new ArrayList<>();
		List<ScheduleRule> rules = spec.schedule().rules();
		if (rules.size() > this.features.rulesPerPolicy()) {
			errors.add(new FieldError("schedule.rules", "at most " + this.features.rulesPerPolicy() + " rules"));
		}
		for (int i = 0; i < rules.size(); i++) {
			String field = "schedule.rules[" + i + "]";
			ScheduleRule rule = rules.get(i);
			RuleKind kind = switch (rule) {
				case ScheduleRule.Hourly hourly -> RuleKind.HOUR;
				case ScheduleRule.Daily daily -> RuleKind.DAY;
				case ScheduleRule.Weekly weekly -> RuleKind.WEEK;
				case ScheduleRule.Monthly monthly -> RuleKind.MONTH;
			};
			if (!this.features.rules().contains(kind)) {
				errors.add(new FieldError(field + ".every", kind + " rules are not supported"));
				continue;
			}
			int minute = switch (rule) {
				case ScheduleRule.Hourly hourly -> hourly.minute();
				case ScheduleRule.Daily daily -> daily.at().getMinute();
				case ScheduleRule.Weekly weekly -> weekly.at().getMinute();
				case ScheduleRule.Monthly monthly -> monthly.at().getMinute();
			};
			if (!this.features.minutes().isEmpty() && !this.features.minutes().contains(minute)) {
				errors.add(new FieldError(field + ((rule instanceof ScheduleRule.Hourly) ? ".minute" : ".at"),
						"only minutes " + this.features.minutes()));
			}
		}
		if (spec.retention().isForever() && !this.features.forever()) {
			errors.add(new FieldError("retention.forever", "not supported"));
		}
		if (spec.retention().minKept() != null && !this.features.minKept()) {
			errors.add(new FieldError("retention.minKept", "not supported"));
		}
		if (spec.immutable() && !this.features.immutable()) {
			errors.add(new FieldError("immutable", "not supported"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.UNSUPPORTED_FIELD,
					"The policy has fields that provider " + this.id + " cannot honour", errors)
				.from(this.id);
		}
		if (withTargets) {
			checkTargets(spec.targets());
		}
	}

	private void checkTargets(List<PolicyTarget> targets) {
		for (int i = 0; i < targets.size(); i++) {
			if (!this.features.targets().contains(targets.get(i).type())) {
				throw InvalidRequestException
					.unsupported("targets[" + i + "].type", targets.get(i).type() + " targets are not supported")
					.from(this.id);
			}
		}
	}

	private void enter(String operation) {
		this.calls.add(operation);
		Supplier<SnapGateException> failing = this.failure;
		if (failing != null) {
			int left = this.failuresLeft.getAndUpdate((n) -> (n > 0) ? n - 1 : n);
			if (left != 0) {
				throw failing.get().from(this.id);
			}
		}
	}

}
