package io.snapgate.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.CopyStatus;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.ForbiddenException;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderRegistry;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.SnapshotRef;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.testing.FakeCopyProvider;
import io.snapgate.testing.FakeSnapshotProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CopyServiceTests {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private final FakeSnapshotProvider there = FakeSnapshotProvider.volume("gz");

	private final FakeSnapshotProvider here = FakeSnapshotProvider.volume("bj").withSnapshot("s-1", "nightly", T0);

	private final FakeCopyProvider copier = new FakeCopyProvider(this.here, this.there);

	private final FakeSnapshotProvider elsewhere = FakeSnapshotProvider.volume("sh");

	private final FakeSnapshotProvider plain = FakeSnapshotProvider.volume("plain").withSnapshot("s-9", "alone", T0);

	private final RecordingCopies recorded = new RecordingCopies();

	private final ProviderRegistry registry;

	private final CopyService service;

	CopyServiceTests() {
		this.here.withCopies(this.copier);
		this.registry = new ProviderRegistry(List.of(this.here, this.there, this.elsewhere, this.plain));
		this.service = service(ProviderAccess.unrestricted(this.registry));
	}

	@Test
	void aCopySucceedsOnlyOnceTheTargetShowsItAvailable() {
		CopyView started = this.service.start(copy("s-1", "gz", null));

		assertThat(started.status()).isEqualTo(CopyStatus.RUNNING);
		assertThat(started.copy()).hasToString("gz:c1");
		this.copier.report(started.handle(), CopyStatus.SUCCEEDED, "");
		assertThat(this.service.status(started.provider(), started.handle()).status())
			.as("the source says it was sent; the target still shows it CREATING")
			.isEqualTo(CopyStatus.RUNNING);

		this.there.settle("c1", SnapshotStatus.AVAILABLE);

		CopyView done = this.service.status(started.provider(), started.handle());
		assertThat(done.status()).isEqualTo(CopyStatus.SUCCEEDED);
		assertThat(done.progress()).isEqualTo(100);
		assertThat(done.source()).isEqualTo(new SnapshotRef(new ProviderId("bj"), "s-1"));
	}

	@Test
	void aCopyTheSourceCallsDoneButTheTargetLacksHasFailedAndSaysWhere() {
		CopyView started = this.service.start(copy("s-1", "gz", null));
		this.copier.report(started.handle(), CopyStatus.SUCCEEDED, "");
		this.there.reset();

		CopyView view = this.service.status(started.provider(), started.handle());

		assertThat(view.status()).isEqualTo(CopyStatus.FAILED);
		assertThat(view.failureReason()).contains("gz holds no snapshot c1");
	}

	@Test
	void aCopyThatFailedAtTheTargetHasFailed() {
		CopyView started = this.service.start(copy("s-1", "gz", null));
		this.there.settle("c1", SnapshotStatus.FAILED);

		assertThat(this.service.status(started.provider(), started.handle()).status()).isEqualTo(CopyStatus.FAILED);
	}

	@Test
	void aTargetTheProviderDoesNotCopyToIsRefusedByFieldAndNothingIsSent() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> this.service.start(copy("s-1", "sh", null)));

		assertThat(refused.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
		assertThat(refused.getMessage()).contains("copies to [gz]");
		assertThat(refused.fieldErrors()).extracting("field").containsExactly("targetProvider");
		assertThat(this.copier.sent()).isEmpty();
	}

	@Test
	void aProviderThatCopiesNowhereRefusesEveryTarget() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> this.service.start(copy("plain:s-9", "gz")));

		assertThat(refused.getMessage()).contains("copies to no provider");
	}

	@Test
	void aTargetTheCallerSeesButCannotWriteToIsForbiddenNamingTheGrant() {
		CopyService limited = limitedTo(Map.of(ProviderScope.SNAPSHOTS_WRITE, List.of(new ProviderGlob("bj")),
				ProviderScope.SNAPSHOTS_READ, List.of(new ProviderGlob("*"))));

		ForbiddenException refused = catchThrowableOfType(ForbiddenException.class,
				() -> limited.start(copy("s-1", "gz", null)));

		assertThat(refused.getMessage()).isEqualTo("Missing grant: snapshots:write on gz");
		assertThat(this.copier.sent()).isEmpty();
	}

	@Test
	void aTargetTheCallerHasNoGrantOnIsAsIfItWereNotConfigured() {
		CopyService limited = limitedTo(Map.of(ProviderScope.SNAPSHOTS_WRITE, List.of(new ProviderGlob("bj"))));

		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> limited.start(copy("s-1", "gz", null)));

		assertThat(refused.code()).isEqualTo(ErrorCode.UNKNOWN_PROVIDER);
		assertThat(refused.fieldErrors()).extracting("field").containsExactly("targetProvider");
		assertThat(this.copier.sent()).isEmpty();
	}

	@Test
	void theSameKeyAndRequestSendOneCopyAndAnotherRequestUnderItIsRefused() {
		CopyView first = this.service.start(copy("s-1", "gz", "dr-1"));
		CopyView again = this.service.start(copy("s-1", "gz", "dr-1"));

		assertThat(again.handle()).isEqualTo(first.handle());
		assertThat(this.copier.sent()).hasSize(1);
		assertThat(catchThrowableOfType(IdempotencyKeyReusedException.class,
				() -> this.service.start(new NewCopy(ref("s-1"), new ProviderId("gz"), Duration.ofDays(3), "dr-1"))))
			.isNotNull();
	}

	@Test
	void theCopiesOfASnapshotAreCheckedAgainstTheirTargets() {
		this.service.start(copy("s-1", "gz", null));
		this.there.settle("c1", SnapshotStatus.AVAILABLE);

		assertThat(this.service.copiesOf(ref("s-1"))).singleElement()
			.satisfies((copy) -> assertThat(copy.status()).isEqualTo(CopyStatus.SUCCEEDED));
	}

	@Test
	void aSnapshotOfAProviderThatCopiesNowhereHasNoCopiesAndAMissingOneIsNotFound() {
		assertThat(this.service.copiesOf(SnapshotRef.parse("plain:s-9"))).isEmpty();

		NotFoundException missing = catchThrowableOfType(NotFoundException.class,
				() -> this.service.copiesOf(SnapshotRef.parse("plain:s-404")));
		assertThat(missing.code()).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND);
	}

	@Test
	void aHandleTheProviderDoesNotIssueIsAnInvalidCopyId() {
		SnapGateException refused = catchThrowableOfType(SnapGateException.class,
				() -> this.service.status(new ProviderId("bj"), new CopyHandle("restore-1")));

		assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_COPY_ID);
	}

	@Test
	void aCopyOfAProviderNoLongerConfiguredIsNotFound() {
		NotFoundException missing = catchThrowableOfType(NotFoundException.class,
				() -> this.service.status(new ProviderId("gone"), new CopyHandle("copy-c1")));

		assertThat(missing.code()).isEqualTo(ErrorCode.COPY_NOT_FOUND);
	}

	@Test
	void theRecorderIsToldOfTheStartAndOfEachReadAsTheCallerSeesIt() {
		CopyView started = this.service.start(copy("s-1", "gz", null));
		this.copier.report(started.handle(), CopyStatus.SUCCEEDED, "");
		this.service.status(started.provider(), started.handle());
		this.there.settle("c1", SnapshotStatus.AVAILABLE);
		this.service.status(started.provider(), started.handle());
		this.service.copiesOf(ref("s-1"));

		assertThat(this.recorded.events).containsExactly("started bj>gz RUNNING", "seen bj>gz RUNNING",
				"seen bj>gz SUCCEEDED", "seen bj>gz SUCCEEDED");
	}

	@Test
	void aRefusedCopyIsNeverRecorded() {
		SnapGateException refused = catchThrowableOfType(SnapGateException.class,
				() -> this.service.start(copy("s-1", "sh", null)));

		assertThat(refused.code()).isEqualTo(ErrorCode.UNSUPPORTED_FIELD);
		assertThat(this.recorded.events).isEmpty();
	}

	private CopyService limitedTo(Map<ProviderScope, List<ProviderGlob>> reach) {
		ProviderGrants grants = ProviderGrants.of(reach);
		return service(new ProviderAccess(this.registry, () -> new Caller("apikey:test", "test", grants)));
	}

	private CopyService service(ProviderAccess access) {
		return new CopyService(access, new SnapshotLocator(access), new AuditLog(CallerIdentity.ANONYMOUS),
				this.recorded);
	}

	private static NewCopy copy(String snapshot, String target, String key) {
		return new NewCopy(ref(snapshot), new ProviderId(target), null, key);
	}

	private static NewCopy copy(String snapshot, String target) {
		return new NewCopy(SnapshotRef.parse(snapshot), new ProviderId(target), null, null);
	}

	private static SnapshotRef ref(String nativeId) {
		return new SnapshotRef(new ProviderId("bj"), nativeId);
	}

	private static final class RecordingCopies implements CopyRecorder {

		private final List<String> events = new ArrayList<>();

		@Override
		public void started(CopyView copy) {
			this.events.add("started " + copy.provider() + ">" + copy.target() + " " + copy.status());
		}

		@Override
		public void seen(CopyView copy) {
			this.events.add("seen " + copy.provider() + ">" + copy.target() + " " + copy.status());
		}

	}

}
