package io.snapgate.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;

import io.snapgate.domain.CopyRule;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Lane;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyCopy;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.FakePolicyProvider;
import io.snapgate.testing.FakeSnapshotProvider;
import io.snapgate.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PolicyServiceTests {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static final PolicySpec NIGHTLY = new PolicySpec("nightly",
			new PolicySchedule(ZoneId.of("UTC"), List.of(new ScheduleRule.Daily(LocalTime.of(2, 0)))),
			new PolicyRetention(Duration.ofDays(7), null), false, List.of(PolicyTarget.SYSTEM));

	private final FanOut fanOut = new FanOut();

	private final MutableClock clock = new MutableClock(T0);

	private final RecordingPolicyHealth health = new RecordingPolicyHealth();

	private final FakeSnapshotProvider alpha = FakeSnapshotProvider.system("alpha")
		.withPolicies(FakePolicyProvider.system("alpha").withClock(this.clock));

	private final FakeSnapshotProvider bravo = FakeSnapshotProvider.volume("bravo")
		.withPolicies(FakePolicyProvider.volume("bravo").withClock(this.clock));

	private final FakeSnapshotProvider plain = FakeSnapshotProvider.system("plain");

	private final ProviderRegistry registry = new ProviderRegistry(List.of(this.alpha, this.bravo, this.plain));

	private final ProviderAccess access = ProviderAccess.unrestricted(this.registry);

	private final PolicyService service = new PolicyService(this.access, new PolicyLocator(this.access), this.fanOut,
			Duration.ofSeconds(5), new AuditLog(CallerIdentity.ANONYMOUS), this.clock, this.health);

	@AfterEach
	void close() {
		this.fanOut.close();
	}

	@Test
	void pagingThroughTheProvidersReturnsEveryPolicyOnceByProviderThenInTheirOwnOrder() {
		for (int i = 1; i <= 23; i++) {
			seed(this.alpha, "p-" + i, null);
		}
		for (int i = 1; i <= 11; i++) {
			seed(this.bravo, "p-" + i, null);
		}

		List<String> seen = new ArrayList<>();
		ListPosition position = null;
		int pages = 0;
		do {
			PolicyListing page = this.service.list(new PolicyListRequest(Set.of(), position, 5));
			assertThat(page.failures()).isEmpty();
			assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
			page.items().forEach((view) -> seen.add(view.policy().id()));
			position = page.next();
			pages++;
		}
		while (position != null && pages < 100);

		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 23; i++) {
			expected.add("alpha:p-" + i);
		}
		for (int i = 1; i <= 11; i++) {
			expected.add("bravo:p-" + i);
		}
		assertThat(seen).containsExactlyElementsOf(expected);
		assertThat(pages).isEqualTo(7);
		assertThat(this.plain.calls()).as("a provider without policies is not asked").isEmpty();
	}

	@Test
	void theProviderFilterAsksOnlyTheNamedProviders() {
		seed(this.alpha, "p-1", null);
		seed(this.bravo, "p-2", null);

		PolicyListing listing = this.service.list(new PolicyListRequest(Set.of(new ProviderId("bravo")), null, 50));

		assertThat(listing.items()).extracting((view) -> view.policy().id()).containsExactly("bravo:p-2");
		assertThat(this.alpha.policyFake().calls()).isEmpty();
		assertThat(this.service.selectedProviders(Set.of(new ProviderId("bravo"), new ProviderId("plain"))))
			.containsExactly(new ProviderId("bravo"));
		assertThat(this.service.selectedProviders(Set.of())).containsExactlyInAnyOrder(new ProviderId("alpha"),
				new ProviderId("bravo"));
	}

	@Test
	void anUnknownProviderInTheFilterIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.service.list(new PolicyListRequest(Set.of(new ProviderId("zulu")), null, 50)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_PROVIDER));
	}

	@Test
	void aFailingProviderIsLeftOutAndReportedAndAskedAgainOnTheNextPage() {
		seed(this.alpha, "p-1", null);
		seed(this.bravo, "p-2", null);
		this.bravo.policyFake()
			.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null));

		PolicyListing listing = this.service.list(new PolicyListRequest(Set.of(), null, 50));

		assertThat(listing.isPartial()).isTrue();
		assertThat(listing.items()).extracting((view) -> view.policy().id()).containsExactly("alpha:p-1");
		assertThat(listing.failures()).extracting(ProviderFailure::provider).containsExactly(new ProviderId("bravo"));
		assertThat(listing.next()).isNotNull();
	}

	@Test
	void aPolicyIsOverdueOnceTwoIntervalsPassWithoutASnapshot() {
		Instant last = T0.minus(Duration.ofDays(1));
		seed(this.alpha, "p-1", last);
		PolicyRef ref = new PolicyRef(new ProviderId("alpha"), "p-1");

		this.clock.set(last.plus(Duration.ofDays(2)));
		assertThat(this.service.get(ref).overdue()).isFalse();

		this.clock.set(last.plus(Duration.ofDays(2)).plusSeconds(1));
		PolicyView late = this.service.get(ref);
		assertThat(late.overdue()).isTrue();
		assertThat(late.overdueAfter()).isEqualTo(last.plus(Duration.ofDays(2)));
	}

	@Test
	void aPolicyThatHasMadeNoSnapshotIsJudgedFromItsCreation() {
		this.alpha.policyFake()
			.withPolicy(this.alpha.policyFake().policy("p-1", "new", T0, null, PolicyTarget.SYSTEM))
			.withPolicy(this.alpha.policyFake().policy("p-2", "unknown", null, null, PolicyTarget.SYSTEM));

		this.clock.set(T0.plus(Duration.ofDays(3)));
		List<PolicyView> views = this.service.list(new PolicyListRequest(Set.of(), null, 50)).items();

		assertThat(views).extracting((view) -> view.policy().nativeId() + "=" + view.overdue())
			.containsExactly("p-1=true", "p-2=false");
	}

	@Test
	void onlyAnActivePolicyCanBeOverdue() {
		FakePolicyProvider policies = this.alpha.policyFake();
		Policy active = policies.policy("p-1", "a", T0, T0, PolicyTarget.SYSTEM);
		policies.withPolicy(active)
			.withPolicy(new Policy(active.provider(), active.providerType(), "p-2", "unknown", active.schedule(),
					active.retention(), false, List.of(), PolicyStatus.UNKNOWN, "", T0, T0, active.attributes()))
			.withPolicy(policies.policy("p-3", "not assigned", T0, T0));

		this.clock.set(T0.plus(Duration.ofDays(30)));

		assertThat(this.service.list(new PolicyListRequest(Set.of(), null, 50)).items())
			.extracting((view) -> view.policy().status() + "=" + view.overdue())
			.containsExactly("ACTIVE=true", "UNKNOWN=false", "NOT_ASSIGNED=false");
	}

	@Test
	void anActivePolicyIsJudgedFromTheLaterOfItsLastSnapshotAndItsCreation() {
		FakePolicyProvider policies = this.alpha.policyFake();
		Instant created = T0.plus(Duration.ofDays(5));
		policies.withPolicy(policies.policy("p-1", "remade", created, T0, PolicyTarget.SYSTEM));

		this.clock.set(created.plus(Duration.ofDays(1)));
		PolicyView view = this.service.get(new PolicyRef(new ProviderId("alpha"), "p-1"));

		assertThat(view.overdue()).isFalse();
		assertThat(view.overdueAfter()).isEqualTo(created.plus(Duration.ofDays(2)));
	}

	@Test
	void aCopyRuleIsOverdueOnceTwoIntervalsPassWithoutACopyAtItsTargetAndAnUntoldOneNever() {
		FakePolicyProvider policies = this.alpha.policyFake();
		Instant lastCopy = T0.plus(Duration.ofDays(1));
		CopyRule toDr = new CopyRule(new ProviderId("dr"), Duration.ofDays(30));
		CopyRule toFar = new CopyRule(new ProviderId("far"), null);
		CopyRule untold = new CopyRule(new ProviderId("dark"), null);
		policies.withPolicy(policies.policy("p-1", "copied", T0, this.clock.instant(), PolicyTarget.SYSTEM)
			.withCopies(List.of(new PolicyCopy(toDr, true, lastCopy, "c-1"), new PolicyCopy(toFar, true, null, null),
					PolicyCopy.untold(untold))));
		PolicyRef ref = new PolicyRef(new ProviderId("alpha"), "p-1");

		this.clock.set(lastCopy.plus(Duration.ofDays(2)));
		PolicyView view = this.service.get(ref);

		assertThat(view.copies()).extracting((health) -> health.copy().rule().target().value() + "=" + health.overdue())
			.containsExactly("dr=false", "far=true", "dark=false");
		assertThat(view.copies().get(0).overdueAfter()).isEqualTo(lastCopy.plus(Duration.ofDays(2)));
		assertThat(view.copies().get(1).overdueAfter()).as("none arrived: judged from the policy's creation")
			.isEqualTo(T0.plus(Duration.ofDays(2)));
		assertThat(view.copies().get(2).overdueAfter()).isNull();

		this.clock.set(lastCopy.plus(Duration.ofDays(2)).plusSeconds(1));

		assertThat(this.service.get(ref).copies().get(0).overdue()).isTrue();
	}

	@Test
	void everyReadIsToldToTheHealthRecorder() {
		seed(this.alpha, "p-1", T0);
		seed(this.bravo, "p-2", T0);

		this.service.list(new PolicyListRequest(Set.of(), null, 50));
		this.service.get(new PolicyRef(new ProviderId("bravo"), "p-2"));

		assertThat(this.health.seen).extracting((view) -> view.policy().id())
			.containsExactly("alpha:p-1", "bravo:p-2", "bravo:p-2");
	}

	@Test
	void anIdOfAProviderWithoutPoliciesOrOfNoProviderIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.service.get(new PolicyRef(new ProviderId("plain"), "p-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.POLICY_NOT_FOUND));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.service.get(new PolicyRef(new ProviderId("zulu"), "p-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.POLICY_NOT_FOUND));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.service.get(new PolicyRef(new ProviderId("alpha"), "p-404")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.POLICY_NOT_FOUND));
	}

	@Test
	void aNativeIdTheProviderCannotHaveIssuedIsRefusedBeforeAnyCall() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.service.delete(PolicyRef.parse("alpha:../1", "id")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_POLICY_ID));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> PolicyRef.parse("alpha", "policy"))
			.satisfies((ex) -> assertThat(ex.fieldErrors().getFirst().field()).isEqualTo("policy"));
		assertThat(this.alpha.policyFake().calls()).isEmpty();
	}

	@Test
	void theSameIdempotencyKeyAndSpecMakeOnePolicyAndAnotherSpecIsRefused() {
		PolicyView first = this.service.create(new NewPolicy(new ProviderId("alpha"), NIGHTLY, "key-1"));
		PolicyView again = this.service.create(new NewPolicy(new ProviderId("alpha"), NIGHTLY, "key-1"));

		assertThat(again.policy().id()).isEqualTo(first.policy().id());
		assertThat(this.alpha.policyFake().size()).isEqualTo(1);
		PolicySpec other = new PolicySpec("other", NIGHTLY.schedule(), NIGHTLY.retention(), false, NIGHTLY.targets());
		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.service.create(new NewPolicy(new ProviderId("alpha"), other, "key-1")));
	}

	@Test
	void withoutAKeyEachCreateMakesAPolicy() {
		this.service.create(new NewPolicy(new ProviderId("alpha"), NIGHTLY, null));
		this.service.create(new NewPolicy(new ProviderId("alpha"), NIGHTLY, null));

		assertThat(this.alpha.policyFake().size()).isEqualTo(2);
	}

	@Test
	void creatingOnAProviderWithoutPoliciesOrOnNoProviderIsRefusedByField() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.service.create(new NewPolicy(new ProviderId("plain"), NIGHTLY, null)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
				assertThat(ex.fieldErrors().getFirst().field()).isEqualTo("provider");
			});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.service.create(new NewPolicy(new ProviderId("zulu"), NIGHTLY, null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_PROVIDER));
	}

	@Test
	void replacingKeepsTheTargetsAndAttachAndDetachChangeThem() {
		PolicyView created = this.service.create(new NewPolicy(new ProviderId("bravo"), new PolicySpec("disks",
				NIGHTLY.schedule(), NIGHTLY.retention(), false, List.of(PolicyTarget.volume("v-1"))), null));
		PolicyRef ref = PolicyRef.of(created.policy());

		PolicyView replaced = this.service.replace(ref, new PolicySpec("renamed", NIGHTLY.schedule(),
				new PolicyRetention(Duration.ofDays(3), null), false, List.of()));
		assertThat(replaced.policy().name()).isEqualTo("renamed");
		assertThat(replaced.policy().targets()).containsExactly(PolicyTarget.volume("v-1"));

		assertThat(this.service.attach(ref, List.of(PolicyTarget.volume("v-2"))).policy().targets())
			.containsExactly(PolicyTarget.volume("v-1"), PolicyTarget.volume("v-2"));
		assertThat(this.service.detach(ref, "v-1").policy().targets()).containsExactly(PolicyTarget.volume("v-2"));

		this.service.delete(ref);
		assertThat(this.bravo.policyFake().size()).isZero();
		assertThat(this.health.deleted).containsExactly(ref);
	}

	@Test
	void theSurveyTellsEachAnsweringProviderItsWholeSet() {
		seed(this.alpha, "p-1", T0);
		seed(this.bravo, "p-2", T0);
		List<Lane> lanes = new CopyOnWriteArrayList<>();
		this.bravo.policyFake().failWith(() -> {
			lanes.add(Lane.current());
			return new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null);
		});

		new PolicySurvey(this.registry, this.fanOut, Duration.ofSeconds(5), this.clock, this.health).run();

		assertThat(lanes).as("the survey is background work, on the threads it fans out to")
			.containsOnly(Lane.BACKGROUND);

		assertThat(this.health.surveyed).containsOnlyKeys(new ProviderId("alpha"));
		assertThat(this.health.surveyed.get(new ProviderId("alpha"))).extracting((view) -> view.policy().id())
			.containsExactly("alpha:p-1");
	}

	private void seed(FakeSnapshotProvider provider, String nativeId, @Nullable Instant lastSnapshotAt) {
		FakePolicyProvider policies = provider.policyFake();
		PolicyTarget target = (provider == this.bravo) ? PolicyTarget.volume("v-" + nativeId) : PolicyTarget.SYSTEM;
		policies.withPolicy(
				policies.policy(nativeId, "policy-" + nativeId, T0.minus(Duration.ofDays(10)), lastSnapshotAt, target));
	}

}
