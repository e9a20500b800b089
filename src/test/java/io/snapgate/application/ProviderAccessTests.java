package io.snapgate.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.ForbiddenException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a caller with grants reaches: everything for a caller without any, and for one
 * limited to some providers, those alone; a provider it does not see is one that is not
 * configured.
 */
class ProviderAccessTests {

	private static final ProviderId BJ = new ProviderId("baidu-bj");

	private static final ProviderId GZ = new ProviderId("baidu-gz");

	private static final ProviderId PROD = new ProviderId("vergeos-prod");

	private static final ProviderId GONE = new ProviderId("vergeos-gone");

	private final ProviderRegistry registry = new ProviderRegistry(List.of(FakeSnapshotProvider.volume("baidu-bj"),
			FakeSnapshotProvider.volume("baidu-gz"), FakeSnapshotProvider.system("vergeos-prod")));

	/** Reads both Baidu providers, writes baidu-bj alone, and sees nothing of VergeOS. */
	private final ProviderAccess narrow = access(
			ProviderGrants.of(Map.of(ProviderScope.SNAPSHOTS_READ, List.of(new ProviderGlob("baidu-*")),
					ProviderScope.SNAPSHOTS_WRITE, List.of(new ProviderGlob("baidu-bj")))));

	@Test
	void aCallerWithoutGrantsReachesEveryProviderWithEveryScope() {
		ProviderAccess everything = ProviderAccess.unrestricted(this.registry);

		for (ProviderScope scope : ProviderScope.values()) {
			assertThat(ids(everything.reachable(scope))).containsExactly(BJ, GZ, PROD);
			assertThat(everything.find(PROD, scope)).isPresent();
		}
		assertThat(ids(everything.visible())).containsExactly(BJ, GZ, PROD);
	}

	@Test
	void aProviderTheCallerDoesNotSeeIsFoundAsOneThatIsNotConfigured() {
		for (ProviderScope scope : ProviderScope.values()) {
			assertThat(this.narrow.find(PROD, scope)).isEmpty();
			assertThat(this.narrow.find(GONE, scope)).isEmpty();
		}
		assertThat(ids(this.narrow.visible())).containsExactly(BJ, GZ);
	}

	@Test
	void aProviderTheCallerSeesButMayNotWriteIsRefusedNamingTheGrant() {
		assertThat(this.narrow.find(GZ, ProviderScope.SNAPSHOTS_READ)).isPresent();
		assertThat(this.narrow.find(BJ, ProviderScope.SNAPSHOTS_WRITE)).isPresent();

		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.narrow.find(GZ, ProviderScope.SNAPSHOTS_WRITE))
			.withMessage("Missing grant: snapshots:write on baidu-gz")
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.narrow.find(BJ, ProviderScope.RESTORES_WRITE))
			.withMessageContaining("restores:write on baidu-bj");
	}

	@Test
	void aListingAsksOnlyWhatTheScopeReaches() {
		assertThat(ids(this.narrow.select(Set.of(), ProviderScope.SNAPSHOTS_READ))).containsExactly(BJ, GZ);
		assertThat(ids(this.narrow.select(Set.of(), ProviderScope.SNAPSHOTS_WRITE))).containsExactly(BJ);
		assertThat(this.narrow.select(Set.of(), ProviderScope.POLICIES_READ)).isEmpty();
		assertThat(ids(this.narrow.select(Set.of(GZ, BJ), ProviderScope.SNAPSHOTS_READ))).containsExactly(BJ, GZ);
	}

	@Test
	void aListingThatNamesAProviderTheCallerDoesNotSeeIsRefusedAsForAnUnconfiguredOne() {
		InvalidRequestException foreign = catchInvalid(
				() -> this.narrow.select(Set.of(BJ, PROD), ProviderScope.SNAPSHOTS_READ));
		InvalidRequestException unconfigured = catchInvalid(
				() -> this.narrow.select(Set.of(BJ, GONE), ProviderScope.SNAPSHOTS_READ));

		assertThat(foreign.code()).isEqualTo(ErrorCode.UNKNOWN_PROVIDER).isEqualTo(unconfigured.code());
		assertThat(foreign.getMessage()).isEqualTo(unconfigured.getMessage());
		assertThat(foreign.fieldErrors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).isEqualTo("no provider 'vergeos-prod' is configured"));
		assertThat(unconfigured.fieldErrors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).isEqualTo("no provider 'vergeos-gone' is configured"));
		// an unknown provider is told before a forbidden one, as it is for every caller
		assertThat(catchInvalid(() -> this.narrow.select(Set.of(GZ, PROD), ProviderScope.SNAPSHOTS_WRITE)).code())
			.isEqualTo(ErrorCode.UNKNOWN_PROVIDER);
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.narrow.select(Set.of(BJ, GZ), ProviderScope.SNAPSHOTS_WRITE))
			.withMessageContaining("snapshots:write on baidu-gz");
	}

	@Test
	void aCallerWithNoGrantsSeesNothing() {
		ProviderAccess nobody = access(ProviderGrants.NONE);

		assertThat(nobody.visible()).isEmpty();
		assertThat(nobody.find(BJ, ProviderScope.SNAPSHOTS_READ)).isEmpty();
		assertThat(nobody.select(Set.of(), ProviderScope.SNAPSHOTS_READ)).isEmpty();
	}

	@Test
	void theCallerIsAskedOnEveryLookupSoGrantsNeverOutliveTheirRequest() {
		ProviderGrants[] current = { ProviderGrants.UNRESTRICTED };
		ProviderAccess access = new ProviderAccess(this.registry,
				() -> new Caller("jwt:someone", "someone@issuer", current[0]));

		assertThat(access.find(PROD, ProviderScope.SNAPSHOTS_READ)).isPresent();
		current[0] = ProviderGrants.NONE;
		assertThat(access.find(PROD, ProviderScope.SNAPSHOTS_READ)).isEmpty();
	}

	private ProviderAccess access(ProviderGrants grants) {
		return new ProviderAccess(this.registry, () -> new Caller("apikey:test", "test", grants));
	}

	private static List<ProviderId> ids(List<SnapshotProvider> providers) {
		return providers.stream().map(SnapshotProvider::id).toList();
	}

	private static InvalidRequestException catchInvalid(Runnable call) {
		try {
			call.run();
		}
		catch (InvalidRequestException ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

}
