package io.snapgate.sandbox.baidu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.DestRegionInfo;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyResult;
import io.snapgate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulator's two regions and its copies between them, as BCC's {@code remote_copy}
 * makes them: from {@code bj} to {@code gz}, of an {@code Available} CDS disk snapshot
 * only, {@code Creating} at the destination for the copy delay, and failed when the
 * source asks for it or goes away on the way.
 */
class BaiduSandboxRemoteCopiesTests {

	private static final Duration COPY_DELAY = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final BaiduSandboxRegions regions = new BaiduSandboxRegions(new BaiduSandboxSettings(Duration.ofSeconds(3),
			Duration.ofSeconds(3), 8, Duration.ofMinutes(15), false, COPY_DELAY), this.clock);

	private final BaiduSandboxState bj = this.regions.state(BaiduSandboxRegion.BJ);

	private final BaiduSandboxState gz = this.regions.state(BaiduSandboxRegion.GZ);

	@Test
	void eachRegionHoldsItsOwnSeed() {
		assertThat(ids(this.gz)).containsExactly(BaiduSandboxGzSeed.SNAPSHOT);
		assertThat(this.gz.instance(BaiduSandboxGzSeed.INSTANCE).zoneName()).isEqualTo("cn-gz-a");
		assertThat(this.gz.volume(BaiduSandboxGzSeed.DATA_DISK).status()).isEqualTo("InUse");
		assertThat(this.gz.policies(null, null).policies()).isEmpty();
		assertThat(ids(this.bj)).contains("s-seed0005").doesNotContain(BaiduSandboxGzSeed.SNAPSHOT);
		refused(() -> this.gz.snapshot("s-seed0005"), 404, "NoSuchObject");
		refused(() -> this.bj.volume(BaiduSandboxGzSeed.DATA_DISK), 404, "NoSuchObject");
	}

	@Test
	void aCopyIsCreatingInTheOtherRegionForTheCopyDelayThenAvailable() {
		List<RemoteCopyResult> result = this.bj.remoteCopy("s-seed0005", "tok-1", request("archive_copy", "gz"));

		assertThat(result).singleElement().satisfies((copy) -> {
			assertThat(copy.region()).isEqualTo("gz");
			assertThat(copy.snapshotId()).matches("s-[A-Za-z0-9]{8}");
		});
		String copyId = result.getFirst().snapshotId();
		BaiduSandboxJson.Snapshot copy = this.gz.snapshot(copyId);
		assertThat(copy.name()).isEqualTo("archive_copy");
		assertThat(copy.sizeInGB()).isEqualTo(200);
		assertThat(copy.status()).isEqualTo("Creating");
		assertThat(copy.desc()).contains("s-seed0005", "bj");
		assertThat(ids(this.bj)).doesNotContain(copyId);
		assertThat(this.bj.snapshot("s-seed0005").status()).as("the source is untouched").isEqualTo("Available");

		this.clock.advance(COPY_DELAY.minusMillis(1));
		assertThat(this.gz.snapshot(copyId).status()).isEqualTo("Creating");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.gz.snapshot(copyId).status()).isEqualTo("Available");
		assertThat(this.gz.snapshot(copyId).progress()).isEqualTo("100");
	}

	@Test
	void whatBccWouldNotCopyIsRefused() {
		refused(() -> this.bj.remoteCopy("s-nothing1", null, request("c", "gz")), 404, "NoSuchObject");
		refused(() -> this.bj.remoteCopy("s-seed0001", null, request("c", "gz")), 403, "snapshot.CannotCopy");
		refused(() -> this.bj.remoteCopy(BaiduSandboxSeed.MACHINE_SNAPSHOT, null, request("c", "gz")), 403,
				"snapshot.CannotCopy");
		refused(() -> this.bj.remoteCopy("s-seed0004", null, request("c", "gz")), 409, "OperationDenied");
		String creating = this.bj.create(null, new CreateRequest("v-data0002", "fresh", null, null));
		refused(() -> this.bj.remoteCopy(creating, null, request("c", "gz")), 409, "OperationDenied");
		assertThat(ids(this.gz)).containsExactly(BaiduSandboxGzSeed.SNAPSHOT);
	}

	@Test
	void aRequestNamingNoRegionItCanCopyToIsInvalid() {
		refused(() -> this.bj.remoteCopy("s-seed0005", null, request("c", "bj")), 400, "InvalidParameter");
		refused(() -> this.bj.remoteCopy("s-seed0005", null, request("c", "su")), 400, "InvalidParameter");
		refused(() -> this.gz.remoteCopy(BaiduSandboxGzSeed.SNAPSHOT, null, request("c", "bj")), 400,
				"InvalidParameter");
		refused(() -> this.bj.remoteCopy("s-seed0005", null, new RemoteCopyRequest(List.of())), 400,
				"InvalidParameter");
		refused(() -> this.bj.remoteCopy("s-seed0005", null, new RemoteCopyRequest(null)), 400, "InvalidParameter");
		refused(() -> this.bj.remoteCopy("s-seed0005", null,
				new RemoteCopyRequest(List.of(new DestRegionInfo(null, "gz")))), 400, "InvalidParameter");
		refused(() -> this.bj.remoteCopy("s-seed0005", null, request("not-a-name", "gz")), 400, "InvalidParameter");
		refused(() -> this.bj.remoteCopy("s-seed0005", null,
				new RemoteCopyRequest(List.of(new DestRegionInfo("a", "gz"), new DestRegionInfo("b", "gz")))), 400,
				"InvalidParameter");
		refused(() -> this.bj.remoteCopy("s-seed0005", "bad token", request("c", "gz")), 400, "InvalidParameter");
		assertThat(ids(this.gz)).containsExactly(BaiduSandboxGzSeed.SNAPSHOT);
	}

	@Test
	void theSameClientTokenMakesOneCopyAndAnotherRequestUnderItIsRefused() {
		List<RemoteCopyResult> first = this.bj.remoteCopy("s-seed0005", "tok-2", request("once", "gz"));

		assertThat(this.bj.remoteCopy("s-seed0005", "tok-2", request("once", "gz"))).isEqualTo(first);
		assertThat(ids(this.gz)).containsExactly(first.getFirst().snapshotId(), BaiduSandboxGzSeed.SNAPSHOT);
		refused(() -> this.bj.remoteCopy("s-seed0005", "tok-2", request("other", "gz")), 409,
				"IdempotentParameterMismatch");
		refused(() -> this.bj.remoteCopy("s-seed0002", "tok-2", request("once", "gz")), 409,
				"IdempotentParameterMismatch");
		assertThat(this.bj.remoteCopy("s-seed0005", null, request("once", "gz"))).as("without a token, a second copy")
			.isNotEqualTo(first);
	}

	@Test
	void aCopyOfASnapshotNamedToFailCopyFailsAtTheDestinationAfterTheDelay() {
		String source = availableSnapshot("nightly_fail_copy");
		String copyId = this.bj.remoteCopy(source, null, request("doomed", "gz")).getFirst().snapshotId();

		assertThat(this.gz.snapshot(copyId).status()).isEqualTo("Creating");
		this.clock.advance(COPY_DELAY);
		assertThat(this.gz.snapshot(copyId).status()).isEqualTo("CreatedFailed");
		assertThat(this.bj.snapshot(source).status()).isEqualTo("Available");
	}

	@Test
	void aCopyWhoseSourceIsDeletedOnTheWayFailsAndOneAlreadyThereStays() {
		String arrived = this.bj.remoteCopy("s-seed0005", null, request("early", "gz")).getFirst().snapshotId();
		this.clock.advance(COPY_DELAY);
		String onItsWay = this.bj.remoteCopy("s-seed0005", null, request("late", "gz")).getFirst().snapshotId();

		this.bj.delete("s-seed0005");

		assertThat(this.gz.snapshot(onItsWay).status()).isEqualTo("CreatedFailed");
		this.clock.advance(COPY_DELAY);
		assertThat(this.gz.snapshot(onItsWay).status()).isEqualTo("CreatedFailed");
		assertThat(this.gz.snapshot(arrived).status()).isEqualTo("Available");
		this.gz.delete(onItsWay);
		assertThat(ids(this.gz)).doesNotContain(onItsWay);
	}

	private String availableSnapshot(String name) {
		String id = this.bj.create(null, new CreateRequest("v-data0002", name, null, null));
		this.clock.advance(Duration.ofSeconds(3));
		return id;
	}

	private static RemoteCopyRequest request(String name, String region) {
		return new RemoteCopyRequest(List.of(new DestRegionInfo(name, region)));
	}

	private static List<String> ids(BaiduSandboxState state) {
		return state.list(null, null, null).snapshots().stream().map(BaiduSandboxJson.Snapshot::id).toList();
	}

	private static void refused(Executable call, int status, String code) {
		assertThatExceptionOfType(BaiduSandboxException.class).isThrownBy(call::execute).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
