package io.snapgate.provider.vergeos;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Restore;
import io.snapgate.domain.RestoreCommand;
import io.snapgate.domain.RestoreHandle;
import io.snapgate.domain.RestoreMode;
import io.snapgate.domain.RestoreStatus;
import io.snapgate.domain.RestoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.NOW;
import static io.snapgate.provider.vergeos.VergeosFixtures.vmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Restoring VMs and tenants as copies, and following the restore on its member row.
 */
class VergeosRestoresTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosSnapshotProvider provider = VergeosFixtures.provider(VergeosFixtures.basic(vergeos.baseUrl()));

	@Test
	void aVmIsRecoveredAsANamedCopyAndFollowedOnItsMemberRow() {
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshot_vm_actions"))
			.withRequestBody(
					equalToJson("{\"action\":\"recover\",\"params\":{\"rows\":[100],\"name\":\"web-01-restored\"}}"))
			.willReturn(aResponse().withStatus(201).withBody("{\"$key\":\"5\"}")));

		Restore restore = this.provider
			.restore(new RestoreCommand("12", new RestoreTarget.MemberTarget(MemberType.VM, "100"), "web-01-restored"));

		assertThat(restore.status()).isEqualTo(RestoreStatus.PENDING);
		assertThat(restore.mode()).isEqualTo(RestoreMode.NEW_COPY);
		assertThat(restore.startedAt()).isEqualTo(NOW);
		assertThat(restore.restoredName()).isEqualTo("web-01-restored");
		assertThat(restore.handle().value()).hasSizeLessThanOrEqualTo(RestoreHandle.MAX_LENGTH);

		for (String[] step : new String[][] { { "idle", "PENDING" }, { "importing", "RUNNING" },
				{ "complete", "SUCCEEDED" }, { "error", "FAILED" } }) {
			vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_vms/100"))
				.withQueryParam("fields", equalTo("$key,cloud_snapshot,name,status,status_info"))
				.willReturn(okJson(vmRow(100, 12, "web-01", step[0]))));

			Restore status = this.provider.restoreStatus(restore.handle());

			assertThat(status.status()).isEqualTo(RestoreStatus.valueOf(step[1]));
			assertThat(status.snapshotNativeId()).isEqualTo("12");
			assertThat(status.target()).isEqualTo(new RestoreTarget.MemberTarget(MemberType.VM, "100"));
			assertThat(status.startedAt()).isEqualTo(NOW);
			assertThat(status.restoredName()).isEqualTo("web-01-restored");
		}
	}

	@Test
	void aTenantIsRecoveredUnderTheNameVergeosChooses() {
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshot_tenant_actions"))
			.withRequestBody(equalToJson("{\"action\":\"recover\",\"params\":{\"rows\":[200]}}"))
			.willReturn(aResponse().withStatus(200)));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_tenants/200")).willReturn(okJson(
				"{\"$key\":200,\"cloud_snapshot\":12,\"name\":\"acme\",\"status\":\"complete\",\"status_info\":\"Restored to: acme (1)\"}")));

		Restore restore = this.provider
			.restore(new RestoreCommand("12", new RestoreTarget.MemberTarget(MemberType.TENANT, "200"), null));
		Restore status = this.provider.restoreStatus(restore.handle());

		assertThat(status.status()).isEqualTo(RestoreStatus.SUCCEEDED);
		assertThat(status.restoredName()).isEqualTo("acme (1)");
		vergeos.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/cloud_snapshot_tenant_actions")));
	}

	@Test
	void aRestoreWhoseMemberRowIsGoneIsNotFound() {
		vergeos
			.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshot_vm_actions")).willReturn(aResponse().withStatus(200)));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/cloud_snapshot_vms/100")).willReturn(notFound()));
		Restore restore = this.provider
			.restore(new RestoreCommand("12", new RestoreTarget.MemberTarget(MemberType.VM, "100"), null));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider.restoreStatus(restore.handle()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.RESTORE_NOT_FOUND));
	}

	@Test
	void aHandleThisAdapterDidNotWriteIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.restoreStatus(new RestoreHandle("v1.vm.100.12.x.")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_RESTORE_ID));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.restoreStatus(new RestoreHandle("v1.disk.100.12.1.")));
	}

	@Test
	void aMemberMissingFromTheSnapshotIsNotFound() {
		vergeos.stubFor(post(urlPathEqualTo("/api/v4/cloud_snapshot_vm_actions"))
			.willReturn(notFound().withBody("{\"err\":\"Row not found\"}")));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.provider
				.restore(new RestoreCommand("12", new RestoreTarget.MemberTarget(MemberType.VM, "100"), null)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MEMBER_NOT_FOUND));
	}

	@Test
	void aVolumeTargetIsNotSomethingVergeosRestores() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.provider.restore(new RestoreCommand("12", new RestoreTarget.VolumeTarget(), null)));
	}

}
