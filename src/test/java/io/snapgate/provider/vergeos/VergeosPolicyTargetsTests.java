package io.snapgate.provider.vergeos;

import java.time.ZoneOffset;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.Preview;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.newestScheduledSnapshot;
import static io.snapgate.provider.vergeos.VergeosFixtures.periodRow;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A policy given to VMs and taken off them: {@code PUT vms/<key>} of
 * {@code snapshot_profile}, read back; the policy runs while a VM has it.
 */
class VergeosPolicyTargetsTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@BeforeEach
	void nightlyPolicyAndNoScheduledSnapshot() {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles/7")).willReturn(okJson(profileRow(7, "nightly", ""))));
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profile_periods"))
			.withQueryParam("filter", equalTo("profile eq 7"))
			.willReturn(okJson("[" + periodRow(70, 7, "daily-0200", "daily", 0, 2, "any", 0, 604800, 1, false) + "]")));
		vergeos.stubFor(newestScheduledSnapshot().willReturn(okJson("[]")));
	}

	@Test
	void aVmIsGivenTheProfileReadBackAndThePolicyRunsWithTheVmAsItsTarget() {
		vmState(Scenario.STARTED, "null");
		vmState("assigned", "7");
		vergeos.stubFor(put(urlPathEqualTo("/api/v4/vms/3")).inScenario("vm")
			.willReturn(okJson("{}"))
			.willSetStateTo("assigned"));

		Policy policy = this.policies.attach("7", List.of(PolicyTarget.machine("3")));

		vergeos.verify(putRequestedFor(urlPathEqualTo("/api/v4/vms/3"))
			.withRequestBody(equalToJson("{\"snapshot_profile\":7}")));
		assertThat(policy.targets()).containsExactly(PolicyTarget.machine("3"));
		assertThat(policy.status()).isEqualTo(PolicyStatus.ACTIVE);
	}

	@Test
	void aReadBackThatDoesNotShowTheProfileIsAnUpstreamErrorNamingTheField() {
		vmState(Scenario.STARTED, "null");
		vergeos.stubFor(put(urlPathEqualTo("/api/v4/vms/3")).willReturn(okJson("{}")));

		assertThatExceptionOfType(UpstreamErrorException.class)
			.isThrownBy(() -> this.policies.attach("7", List.of(PolicyTarget.machine("3"))))
			.withMessageContaining("snapshot_profile");
	}

	@Test
	void aVmWithAnotherProfileIsRefusedBeforeAnythingIsWritten() {
		vmState(Scenario.STARTED, "9");

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.attach("7", List.of(PolicyTarget.machine("3"))))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).extracting("field").containsExactly("targets[0].id"));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aPreviewNamesTheVmAttachedAndWritesNothing() {
		vmState(Scenario.STARTED, "null");

		Preview preview = this.policies.previewAttach("7", List.of(PolicyTarget.machine("3")));

		assertThat(preview.actions()).singleElement().satisfies((action) -> {
			assertThat(action.change()).isEqualTo(Preview.Change.ATTACH);
			assertThat(action.name()).isEqualTo("db-01");
		});
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	@Test
	void aVmIsTakenOffWithANullProfileReadBackAndThePolicyIsNoLongerAssigned() {
		vmState(Scenario.STARTED, "7");
		vmState("removed", "null");
		vergeos.stubFor(put(urlPathEqualTo("/api/v4/vms/3")).inScenario("vm")
			.willReturn(okJson("{}"))
			.willSetStateTo("removed"));

		Policy policy = this.policies.detach("7", "3");

		vergeos.verify(putRequestedFor(urlPathEqualTo("/api/v4/vms/3"))
			.withRequestBody(equalToJson("{\"snapshot_profile\":null}")));
		assertThat(policy.targets()).isEmpty();
		assertThat(policy.status()).isEqualTo(PolicyStatus.UNKNOWN);
	}

	@Test
	void aVmThatDoesNotHaveThePolicyIsNotFoundAmongItsTargets() {
		vmState(Scenario.STARTED, "null");

		assertThatExceptionOfType(io.snapgate.domain.NotFoundException.class)
			.isThrownBy(() -> this.policies.detach("7", "3"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MACHINE_NOT_FOUND));
		assertThat(UpstreamJournal.writes(vergeos)).isEmpty();
	}

	/** The VM db-01, with this profile, as VergeOS answers it alone and in the list. */
	private static void vmState(String state, String profile) {
		String row = VergeosMachineSnapshotTests.vm(3, "db-01", 503, "stopped")
			.replace("\"snapshot_profile\":null", "\"snapshot_profile\":" + profile);
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/vms/3")).inScenario("vm")
			.whenScenarioStateIs(state)
			.willReturn(okJson(row)));
		vergeos.stubFor(VergeosFixtures.vmsWithProfiles()
			.inScenario("vm")
			.whenScenarioStateIs(state)
			.willReturn(okJson("[" + row + "]")));
	}

}
