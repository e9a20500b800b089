package io.snapgate.provider.baidu;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.application.PolicyView;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduPoliciesTests.EVERY_DAY;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.asp;
import static io.snapgate.provider.baidu.BaiduUpstream.aspPage;
import static io.snapgate.provider.baidu.BaiduUpstream.aspReply;
import static io.snapgate.provider.baidu.BaiduUpstream.volume;
import static io.snapgate.provider.baidu.BaiduUpstream.volumePage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a BCC policy runs, as BCC tells it through the disks attached to it and its
 * status word, and when it is overdue: only while it has disks to run on.
 */
class BaiduPolicyStateTests {

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final PolicyProvider policies = BaiduUpstream.provider(bcc.baseUrl(), BaiduUpstream.fixedClock())
		.policies()
		.orElseThrow();

	@Test
	void aPolicyRunsWhileItHasDisksAndIsOverdueOnlyThen() {
		bcc.stubFor(get(urlPathEqualTo("/v2/asp")).withQueryParam("maxKeys", equalTo("50"))
			.withQueryParam("marker", absent())
			.willReturn(okJson(aspPage("", false, "",
					ran(asp("asp-Assign01", "hourly", "[2]", EVERY_DAY, "7", 1), "2026-11-21T18:00:00Z"),
					ran(asp("asp-Stale001", "stale", "[2]", EVERY_DAY, "7", 1), "2026-11-14T18:00:00Z"),
					asp("asp-Never001", "never-given-a-disk", "[2]", EVERY_DAY, "7", 0),
					ran(asp("asp-Retired1", "disks-taken-away", "[2]", EVERY_DAY, "7", 0), "2026-09-30T18:00:00Z"),
					ran(asp("asp-Odd00001", "odd", "[2]", EVERY_DAY, "7", 1), "2026-11-14T18:00:00Z")
						.replace("\"active\"", "\"suspended\"")))));
		bcc.stubFor(get(urlPathEqualTo("/v2/volume")).withQueryParam("maxKeys", equalTo("1000"))
			.willReturn(okJson(volumePage(false, "", volume("v-Data0001", "InUse", false, "i-1", "asp-Assign01"),
					volume("v-Data0002", "InUse", false, "i-1", "asp-Stale001"),
					volume("v-Data0003", "InUse", false, "i-1", "asp-Odd00001")))));

		Map<String, PolicyView> views = views(this.policies.list(null, 50).items(), NOW);

		assertThat(views.get("asp-Assign01").policy().status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(views.get("asp-Assign01").policy().targets()).containsExactly(PolicyTarget.volume("v-Data0001"));
		assertThat(views.get("asp-Assign01").overdue()).isFalse();
		assertThat(views.get("asp-Stale001").policy().status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(views.get("asp-Stale001").overdue()).as("no run for a week of daily runs").isTrue();
		assertThat(views.get("asp-Never001").policy().status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(views.get("asp-Never001").policy().targets()).isEmpty();
		assertThat(views.get("asp-Never001").overdue()).as("made weeks ago, never given a disk").isFalse();
		assertThat(views.get("asp-Retired1").policy().status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		assertThat(views.get("asp-Retired1").policy().lastSnapshotAt()).isEqualTo("2026-09-30T18:00:00Z");
		assertThat(views.get("asp-Retired1").overdue()).as("its disks were taken away").isFalse();
		assertThat(views.get("asp-Odd00001").policy().status()).isEqualTo(PolicyStatus.UNKNOWN);
		assertThat(views.get("asp-Odd00001").policy().providerStatus()).isEqualTo("suspended");
		assertThat(views.get("asp-Odd00001").overdue()).isFalse();
		bcc.verify(1, getRequestedFor(urlPathEqualTo("/v2/volume")));
	}

	@Test
	void aPolicyWithoutDisksIsNotAssignedWithoutReadingTheDisks() {
		bcc.stubFor(get("/v2/asp/asp-Never001")
			.willReturn(okJson(aspReply(asp("asp-Never001", "never", "[2]", EVERY_DAY, "7", 0)))));

		Policy policy = this.policies.get("asp-Never001").orElseThrow();

		assertThat(policy.status()).isEqualTo(PolicyStatus.NOT_ASSIGNED);
		bcc.verify(0, getRequestedFor(urlPathEqualTo("/v2/volume")));
	}

	@Test
	void aPolicyThatHasNotRunSinceItsDisksCameIsJudgedFromItsCreation() {
		bcc.stubFor(get("/v2/asp/asp-Assign01")
			.willReturn(okJson(aspReply(asp("asp-Assign01", "new", "[2]", EVERY_DAY, "7", 1)))));
		bcc.stubFor(get(urlPathEqualTo("/v2/volume"))
			.willReturn(okJson(volumePage(false, "", volume("v-Data0001", "InUse", false, "i-1", "asp-Assign01")))));

		PolicyView view = PolicyView.at(this.policies.get("asp-Assign01").orElseThrow(), NOW);

		assertThat(view.policy().status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(view.policy().lastSnapshotAt()).isNull();
		assertThat(view.overdueAfter()).isEqualTo("2026-11-03T08:00:00Z");
		assertThat(view.overdue()).isTrue();
	}

	private static String ran(String asp, String lastExecuteTime) {
		return asp.replace("\"lastExecuteTime\":\"1971-01-01T00:00:01Z\"",
				"\"lastExecuteTime\":\"" + lastExecuteTime + "\"");
	}

	private static Map<String, PolicyView> views(List<Policy> policies, Instant now) {
		return policies.stream()
			.map((policy) -> PolicyView.at(policy, now))
			.collect(Collectors.toMap((view) -> view.policy().nativeId(), Function.identity()));
	}

}
