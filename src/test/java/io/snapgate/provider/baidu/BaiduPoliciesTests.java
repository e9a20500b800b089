package io.snapgate.provider.baidu;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.NotFoundException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.PolicyFeatures;
import io.snapgate.domain.PolicyProvider;
import io.snapgate.domain.PolicyRetention;
import io.snapgate.domain.PolicySchedule;
import io.snapgate.domain.PolicySpec;
import io.snapgate.domain.PolicyStatus;
import io.snapgate.domain.PolicyTarget;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.UpstreamUnavailableException;
import io.snapgate.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.snapgate.provider.baidu.BaiduUpstream.NOW;
import static io.snapgate.provider.baidu.BaiduUpstream.PROVIDER;
import static io.snapgate.provider.baidu.BaiduUpstream.SHANGHAI;
import static io.snapgate.provider.baidu.BaiduUpstream.asp;
import static io.snapgate.provider.baidu.BaiduUpstream.aspPage;
import static io.snapgate.provider.baidu.BaiduUpstream.aspReply;
import static io.snapgate.provider.baidu.BaiduUpstream.error;
import static io.snapgate.provider.baidu.BaiduUpstream.volume;
import static io.snapgate.provider.baidu.BaiduUpstream.volumePage;
import static io.snapgate.provider.baidu.BaiduUpstream.volumeReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each policy operation sends exactly the BCC requests it should, signed, and reads BCC's
 * answers; the caller's key makes BCC's client token.
 */
class BaiduPoliciesTests {

	static final String EVERY_DAY = "[0,1,2,3,4,5,6]";

	static final String ALL_WEEKDAYS_AS_DIGITS = "[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]";

	@RegisterExtension
	static WireMockExtension bcc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MutableClock clock = new MutableClock(NOW);

	private final PolicyProvider policies = BaiduUpstream.provider(bcc.baseUrl(), this.clock).policies().orElseThrow();

	@AfterEach
	void everyRequestWasSigned() {
		for (ServeEvent event : bcc.getAllServeEvents()) {
			BaiduUpstream.assertSignedAt(event.getRequest(), NOW);
		}
	}

	@Test
	void createPostsTheDocumentedBodyUnderTheKeysTokenThenAttachesTheDisks() {
		stubDiskInUse("v-Data0001");
		stubDiskInUse("v-Data0002");
		stubCreated("asp-New00001");
		stubAttachChangesThePolicy("asp-New00001", "-1", "v-Data0001", "v-Data0002");

		Policy policy = this.policies.create(spec(SHANGHAI, List.of(new ScheduleRule.Daily(LocalTime.of(2, 0))),
				PolicyRetention.forever(), PolicyTarget.volume("v-Data0001"), PolicyTarget.volume("v-Data0002")),
				key("key-1"));

		bcc.verify(1,
				postRequestedFor(urlPathEqualTo("/v2/asp")).withQueryParam("clientToken", equalTo(token("key-1")))
					.withHeader("Content-Type", equalToIgnoreCase(BaiduClient.JSON_UTF8))
					.withRequestBody(equalToJson("""
							{"name":"nightly-db","timePoints":["2"],"repeatWeekdays":%s,"retentionDays":"-1"}"""
						.formatted(ALL_WEEKDAYS_AS_DIGITS), false, false)));
		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-New00001?attach"))
			.withRequestBody(equalToJson("{\"volumeIds\":[\"v-Data0001\",\"v-Data0002\"]}", false, false)));
		assertThat(policy.id()).isEqualTo("baidu-bj:asp-New00001");
		assertThat(policy.schedule())
			.isEqualTo(new PolicySchedule(SHANGHAI, List.of(new ScheduleRule.Daily(LocalTime.of(2, 0)))));
		assertThat(policy.retention().isForever()).isTrue();
		assertThat(policy.targets()).containsExactly(PolicyTarget.volume("v-Data0001"),
				PolicyTarget.volume("v-Data0002"));
		assertThat(policy.status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(policy.providerStatus()).isEqualTo("active");
		assertThat(policy.createdAt()).isEqualTo("2026-11-01T08:00:00Z");
		assertThat(policy.lastSnapshotAt()).as("BCC's placeholder time means never").isNull();
		assertThat(policy.attributes()).containsEntry("volumeCount", "2").containsEntry("targetsComplete", "true");
	}

	@Test
	void theSameKeyTwiceSendsTheSameTokenAndAttachesOnceWhicheverReplicaIsAsked() {
		stubDiskInUse("v-Data0001");
		stubCreated("asp-New00001");
		stubAttachChangesThePolicy("asp-New00001", "\"7\"", "v-Data0001");
		PolicySpec spec = spec(SHANGHAI, List.of(new ScheduleRule.Daily(LocalTime.of(2, 0))), week(),
				PolicyTarget.volume("v-Data0001"));

		Policy first = this.policies.create(spec, key("key-1"));
		PolicyProvider otherReplica = BaiduUpstream.provider(bcc.baseUrl(), this.clock).policies().orElseThrow();
		Policy again = otherReplica.create(spec, key("key-1"));
		this.policies.create(spec, key("key-2"));

		assertThat(again).isEqualTo(first);
		assertThat(bcc.getAllServeEvents()
			.reversed()
			.stream()
			.map(ServeEvent::getRequest)
			.filter((r) -> r.getMethod().getName().equals("POST"))
			.map((r) -> r.queryParameter("clientToken").firstValue())
			.toList()).containsExactly(token("key-1"), token("key-1"), token("key-2"));
		assertThat(token("key-1")).hasSize(32).isNotEqualTo(token("key-2"));
		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-New00001?attach")));
	}

	@Test
	void aKeyReusedForAnotherPolicyIsRefusedAsBccRefusesIt() {
		bcc.stubFor(post(urlPathEqualTo("/v2/asp"))
			.willReturn(aResponse().withStatus(409).withBody(error("IdempotentParameterMismatch"))));

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.policies.create(daily(2), key("key-1")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
				assertThat(ex.upstream().code()).isEqualTo("IdempotentParameterMismatch");
			});
	}

	@Test
	void aKeyReusedWithOtherDisksIsRefusedWithoutAttachingThem() {
		stubDiskInUse("v-Data0002");
		stubCreated("asp-Old00001");
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "nightly-db", "[2]", EVERY_DAY, "7", 1)))));

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> this.policies.create(spec(SHANGHAI, List.of(new ScheduleRule.Daily(LocalTime.of(2, 0))),
					week(), PolicyTarget.volume("v-Data0002")), key("key-1")));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void aDiskNotInUseIsRefusedBeforeAnyPolicyIsMade() {
		bcc.stubFor(get("/v2/volume/v-Data0002").willReturn(okJson(volumeReply("v-Data0002", "Available", false, ""))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.create(daily(2, PolicyTarget.volume("v-Data0002")), key("key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY))
			.withMessageContaining("v-Data0002")
			.withMessageContaining("in use");
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aMissingDiskIsRefusedBeforeAnyPolicyIsMade() {
		bcc.stubFor(
				get("/v2/volume/v-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.create(daily(2, PolicyTarget.volume("v-Gone0001")), key("key-1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_NOT_FOUND));
		bcc.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aZoneWithAFixedOffsetIsMovedIntoTheProvidersZone() {
		stubCreated("asp-New00001");
		bcc.stubFor(get("/v2/asp/asp-New00001")
			.willReturn(okJson(aspReply(asp("asp-New00001", "nightly-db", "[2]", EVERY_DAY, "7", 0)))));

		Policy policy = this.policies.create(
				spec(ZoneId.of("Asia/Tokyo"), List.of(new ScheduleRule.Daily(LocalTime.of(3, 0))), week()),
				key("key-1"));

		bcc.verify(postRequestedFor(urlPathEqualTo("/v2/asp")).withRequestBody(equalToJson("""
				{"name":"nightly-db","timePoints":["2"],"repeatWeekdays":%s,"retentionDays":"7"}"""
			.formatted(ALL_WEEKDAYS_AS_DIGITS))));
		assertThat(policy.schedule().timeZone()).isEqualTo(SHANGHAI);
		assertThat(policy.targets()).isEmpty();
		bcc.verify(0, getRequestedFor(urlPathEqualTo("/v2/volume")));
	}

	@Test
	void weeklyRulesOnTheSameDaysBecomeOneSetOfHoursOnOneSetOfWeekdays() {
		stubCreated("asp-New00001");
		bcc.stubFor(get("/v2/asp/asp-New00001")
			.willReturn(okJson(aspReply(asp("asp-New00001", "weekend", "[3,5]", "[0,6]", "7", 0)))));
		Set<DayOfWeek> weekend = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

		Policy policy = this.policies
			.create(spec(SHANGHAI, List.of(new ScheduleRule.Weekly(weekend, LocalTime.of(5, 0)),
					new ScheduleRule.Weekly(weekend, LocalTime.of(3, 0))), week()), key("key-1"));

		bcc.verify(postRequestedFor(urlPathEqualTo("/v2/asp")).withRequestBody(equalToJson(
				"{\"name\":\"nightly-db\",\"timePoints\":[\"3\",\"5\"],\"repeatWeekdays\":[\"0\",\"6\"],\"retentionDays\":\"7\"}")));
		assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Weekly(weekend, LocalTime.of(3, 0)),
				new ScheduleRule.Weekly(weekend, LocalTime.of(5, 0)));
	}

	@Test
	void anHourlyRuleAtMinuteZeroIsEveryHourOfEveryDay() {
		stubCreated("asp-New00001");
		bcc.stubFor(get("/v2/asp/asp-New00001").willReturn(okJson(aspReply(asp("asp-New00001", "hourly",
				"[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23]", EVERY_DAY, "1", 0)))));

		Policy policy = this.policies.create(
				spec(SHANGHAI, List.of(new ScheduleRule.Hourly(0)), new PolicyRetention(Duration.ofDays(1), null)),
				key("key-1"));

		String hours = String.join(",", IntStream.range(0, 24).mapToObj((h) -> "\"" + h + "\"").toList());
		bcc.verify(postRequestedFor(urlPathEqualTo("/v2/asp")).withRequestBody(equalToJson("""
				{"name":"nightly-db","timePoints":[%s],"repeatWeekdays":%s,"retentionDays":"1"}""".formatted(hours,
				ALL_WEEKDAYS_AS_DIGITS))));
		assertThat(policy.schedule().rules()).containsExactly(new ScheduleRule.Hourly(0));
	}

	@Test
	void replaceReadsThenSendsEveryFieldUnderAFreshToken() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 0);
		bcc.stubFor(put(urlPathEqualTo("/v2/asp/update")).willReturn(aResponse().withStatus(200)));

		this.policies.replace("asp-Old00001",
				spec(SHANGHAI, List.of(new ScheduleRule.Weekly(Set.of(DayOfWeek.MONDAY), LocalTime.of(4, 0))),
						new PolicyRetention(Duration.ofDays(30), null)));
		this.policies.replace("asp-Old00001", daily(2));

		List<String> tokens = bcc.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.filter((r) -> r.getMethod().getName().equals("PUT"))
			.map((r) -> r.queryParameter("clientToken").firstValue())
			.toList();
		assertThat(tokens).hasSize(2).doesNotHaveDuplicates().allSatisfy((t) -> assertThat(t).hasSizeLessThan(64));
		bcc.verify(putRequestedFor(urlPathEqualTo("/v2/asp/update")).withRequestBody(equalToJson("""
				{"aspId":"asp-Old00001","name":"nightly-db","timePoints":["4"],"repeatWeekdays":["1"],
				 "retentionDays":"30"}""")));
		bcc.verify(4, getRequestedFor(urlEqualTo("/v2/asp/asp-Old00001")));
	}

	@Test
	void replacingAMissingPolicyIsNotFoundNamingItAndSendsNoUpdate() {
		bcc.stubFor(
				get("/v2/asp/asp-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.replace("asp-Gone0001", daily(2)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND))
			.withMessageContaining("asp-Gone0001");
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void deleteDetachesTheDisksFirst() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 1);
		stubVolumes(volume("v-Data0001", "InUse", false, "i-Web00001", "asp-Old00001"));
		bcc.stubFor(put(urlEqualTo("/v2/asp/asp-Old00001?detach")).willReturn(aResponse().withStatus(200)));
		bcc.stubFor(delete("/v2/asp/asp-Old00001").willReturn(aResponse().withStatus(200)));

		this.policies.delete("asp-Old00001");

		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-Old00001?detach"))
			.withRequestBody(equalToJson("{\"volumeIds\":[\"v-Data0001\"]}", false, false)));
		bcc.verify(1, deleteRequestedFor(urlEqualTo("/v2/asp/asp-Old00001")));
		List<String> order = bcc.getAllServeEvents()
			.reversed()
			.stream()
			.map((e) -> e.getRequest().getMethod().getName())
			.toList();
		assertThat(order).containsSubsequence("PUT", "DELETE");
	}

	@Test
	void deleteOfAPolicyWithoutDisksOnlyDeletesAndAPolicyGoneMeanwhileCountsAsDeleted() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 0);
		bcc.stubFor(
				delete("/v2/asp/asp-Old00001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		this.policies.delete("asp-Old00001");

		bcc.verify(0, putRequestedFor(anyUrl()));
		bcc.verify(0, getRequestedFor(urlPathEqualTo("/v2/volume")));
	}

	@Test
	void deletingAMissingPolicyIsNotFound() {
		bcc.stubFor(
				get("/v2/asp/asp-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.policies.delete("asp-Gone0001"))
			.withMessageContaining("asp-Gone0001");
		bcc.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void attachSendsOnlyTheDisksNotYetInThePolicy() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 1);
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-Web00001", "asp-Old00001"))));
		stubDiskInUse("v-Data0002");
		stubVolumes(volume("v-Data0001", "InUse", false, "i-Web00001", "asp-Old00001"));
		bcc.stubFor(put(urlEqualTo("/v2/asp/asp-Old00001?attach")).willReturn(aResponse().withStatus(200)));

		this.policies.attach("asp-Old00001",
				List.of(PolicyTarget.volume("v-Data0001"), PolicyTarget.volume("v-Data0002")));

		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-Old00001?attach"))
			.withRequestBody(equalToJson("{\"volumeIds\":[\"v-Data0002\"]}", false, false)));
	}

	@Test
	void aDiskInAnotherPolicyIsRefusedBeforeTheAttach() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 0);
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-Web00001", "asp-Other001"))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.attach("asp-Old00001", List.of(PolicyTarget.volume("v-Data0001"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY))
			.withMessageContaining("asp-Other001");
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@CsvSource({ "Asp.VolumeStatusInvalid, in use", "Asp.VolumeTypeInvalid, CDS and system disks" })
	void bccsRefusalOfADiskIsAConflictThatSaysWhy(String code, String says) {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 0);
		stubDiskInUse("v-Data0001");
		bcc.stubFor(put(urlEqualTo("/v2/asp/asp-Old00001?attach"))
			.willReturn(aResponse().withStatus(400).withBody(error(code))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.attach("asp-Old00001", List.of(PolicyTarget.volume("v-Data0001"))))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY);
				assertThat(ex.upstream().code()).isEqualTo(code);
			})
			.withMessageContaining(says);
	}

	@Test
	void attachingNothingIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.attach("asp-Old00001", List.of()))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies((f) -> assertThat(f.field()).isEqualTo("targets")));
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void detachSendsTheOneDisk() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 1);
		bcc.stubFor(get("/v2/volume/v-Data0001")
			.willReturn(okJson(volumeReply("v-Data0001", "InUse", false, "i-Web00001", "asp-Old00001"))));
		stubVolumes(volume("v-Data0001", "InUse", false, "i-Web00001", "asp-Old00001"));
		bcc.stubFor(put(urlEqualTo("/v2/asp/asp-Old00001?detach")).willReturn(aResponse().withStatus(200)));

		this.policies.detach("asp-Old00001", "v-Data0001");

		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-Old00001?detach"))
			.withRequestBody(equalToJson("{\"volumeIds\":[\"v-Data0001\"]}", false, false)));
	}

	@Test
	void aMachineTargetAttachesEveryDiskOfTheInstanceInOneSignedCall() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 0);
		stubVolumes();
		stubWebDisks(null, null);
		bcc.stubFor(put(urlEqualTo("/v2/asp/asp-Old00001?attach")).willReturn(aResponse().withStatus(200)));

		Preview preview = this.policies.previewAttach("asp-Old00001", List.of(PolicyTarget.machine("i-Web00001")));
		bcc.verify(0, putRequestedFor(anyUrl()));
		this.policies.attach("asp-Old00001", List.of(PolicyTarget.machine("i-Web00001")));

		assertThat(preview.actions()).extracting(Preview.Action::change, Preview.Action::id)
			.containsExactly(tuple(Preview.Change.ATTACH, "v-Sys00001"), tuple(Preview.Change.ATTACH, "v-Data0001"));
		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-Old00001?attach"))
			.withRequestBody(equalToJson("{\"volumeIds\":[\"v-Sys00001\",\"v-Data0001\"]}", false, false)));
		BaiduUpstream.assertSignedAt(bcc.findAll(putRequestedFor(urlEqualTo("/v2/asp/asp-Old00001?attach"))).getFirst(),
				NOW);
	}

	@Test
	void aMachineTargetWithADiskNotInUseIsRefusedBeforeTheAttach() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 0);
		bcc.stubFor(get("/v2/instance/i-Web00001")
			.willReturn(okJson(BaiduUpstream.instanceReply("i-Web00001", "Running"))));
		bcc.stubFor(get(urlEqualTo("/v2/volume?maxKeys=100&instanceId=i-Web00001"))
			.willReturn(okJson(volumePage(false, "", volume("v-Sys00001", "InUse", true, "i-Web00001", null),
					volume("v-Data0001", "Detaching", false, "i-Web00001", null)))));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies.attach("asp-Old00001", List.of(PolicyTarget.machine("i-Web00001"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VOLUME_BUSY))
			.withMessageContaining("v-Data0001");
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void removingAMachineTargetDetachesEveryDiskOfTheInstanceInThePolicy() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 2);
		stubVolumes();
		stubWebDisks("asp-Old00001", "asp-Old00001");
		bcc.stubFor(put(urlEqualTo("/v2/asp/asp-Old00001?detach")).willReturn(aResponse().withStatus(200)));

		Preview preview = this.policies.previewDetach("asp-Old00001", "i-Web00001");
		bcc.verify(0, putRequestedFor(anyUrl()));
		this.policies.detach("asp-Old00001", "i-Web00001");

		assertThat(preview.actions()).extracting(Preview.Action::change)
			.containsExactly(Preview.Change.DETACH, Preview.Change.DETACH);
		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-Old00001?detach"))
			.withRequestBody(equalToJson("{\"volumeIds\":[\"v-Sys00001\",\"v-Data0001\"]}", false, false)));
		stubWebDisks(null, null);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.detach("asp-Old00001", "i-Web00001"))
			.withMessageContaining("i-Web00001");
		bcc.verify(1, putRequestedFor(urlEqualTo("/v2/asp/asp-Old00001?detach")));
	}

	private static void stubWebDisks(@Nullable String systemPolicy, @Nullable String dataPolicy) {
		bcc.stubFor(get("/v2/instance/i-Web00001")
			.willReturn(okJson(BaiduUpstream.instanceReply("i-Web00001", "Running"))));
		bcc.stubFor(get(urlEqualTo("/v2/volume?maxKeys=100&instanceId=i-Web00001"))
			.willReturn(okJson(volumePage(false, "", volume("v-Sys00001", "InUse", true, "i-Web00001", systemPolicy),
					volume("v-Data0001", "InUse", false, "i-Web00001", dataPolicy)))));
	}

	@Test
	void detachingADiskThatIsNoTargetIsNotFound() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 1);
		stubDiskInUse("v-Data0002");

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.detach("asp-Old00001", "v-Data0002"))
			.withMessageContaining("v-Data0002")
			.withMessageContaining("asp-Old00001");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.policies.detach("asp-Old00001", "../x"));
		bcc.verify(0, putRequestedFor(anyUrl()));
	}

	@Test
	void getReadsThePolicyAndFindsItsDisksAmongTheAccountsPages() {
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "weekend", "[\"3\"]", "[\"0\",\"6\"]", "\"7\"", 2).replace(
					"\"lastExecuteTime\":\"1971-01-01T00:00:01Z\"", "\"lastExecuteTime\":\"2026-11-21T19:00:00Z\"")))));
		bcc.stubFor(
				get(urlPathEqualTo("/v2/volume")).withQueryParam("marker", absent())
					.willReturn(okJson(
							volumePage(true, "v-Page0002", volume("v-Data0002", "InUse", false, "i-1", "asp-Old00001"),
									volume("v-Data0003", "InUse", false, "i-1", "asp-Other001"),
									volume("v-Data0004", "Available", false, "", null)))));
		bcc.stubFor(get(urlPathEqualTo("/v2/volume")).withQueryParam("marker", equalTo("v-Page0002"))
			.willReturn(okJson(volumePage(false, "", volume("v-Data0001", "InUse", false, "i-1", "asp-Old00001")))));

		Policy policy = this.policies.get("asp-Old00001").orElseThrow();

		assertThat(policy.schedule().rules())
			.containsExactly(new ScheduleRule.Weekly(Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), LocalTime.of(3, 0)));
		assertThat(policy.retention()).isEqualTo(new PolicyRetention(Duration.ofDays(7), null));
		assertThat(policy.lastSnapshotAt()).isEqualTo("2026-11-21T19:00:00Z");
		assertThat(policy.targets()).containsExactly(PolicyTarget.volume("v-Data0001"),
				PolicyTarget.volume("v-Data0002"));
		assertThat(policy.attributes()).containsEntry("targetsComplete", "true");
		bcc.verify(getRequestedFor(urlEqualTo("/v2/volume?maxKeys=1000")));
		bcc.verify(getRequestedFor(urlEqualTo("/v2/volume?maxKeys=1000&marker=v-Page0002")));
	}

	@Test
	void disksThatCannotAllBeFoundAreSaidToBeIncomplete() {
		stubPolicy("asp-Old00001", "[2]", EVERY_DAY, 3);
		stubVolumes(volume("v-Data0001", "InUse", false, "i-1", "asp-Old00001"));

		Policy policy = this.policies.get("asp-Old00001").orElseThrow();

		assertThat(policy.targets()).containsExactly(PolicyTarget.volume("v-Data0001"));
		assertThat(policy.attributes()).containsEntry("volumeCount", "3").containsEntry("targetsComplete", "false");
	}

	@Test
	void aMissingPolicyIsEmpty() {
		bcc.stubFor(
				get("/v2/asp/asp-Gone0001").willReturn(aResponse().withStatus(404).withBody(error("NoSuchObject"))));

		assertThat(this.policies.get("asp-Gone0001")).isEmpty();
	}

	@Test
	void listFollowsTheMarkersWhilePagesAreTruncatedAndFindsAllDisksInOneScan() {
		bcc.stubFor(get(urlPathEqualTo("/v2/asp")).withQueryParam("marker", absent())
			.willReturn(okJson(aspPage("", true, "asp-Third001", asp("asp-First001", "a", "[1]", EVERY_DAY, "7", 1),
					asp("asp-Secnd001", "b", "[2]", EVERY_DAY, "7", 1)))));
		bcc.stubFor(
				get(urlPathEqualTo("/v2/asp")).withQueryParam("marker", equalTo("asp-Third001"))
					.willReturn(okJson(aspPage("asp-Third001", true, "asp-Fifth001",
							asp("asp-Third001", "c", "[3]", EVERY_DAY, "7", 0),
							asp("asp-Forth001", "d", "[4]", EVERY_DAY, "7", 0)))));
		stubVolumes(volume("v-Data0001", "InUse", false, "i-1", "asp-First001"),
				volume("v-Data0002", "InUse", false, "i-1", "asp-Secnd001"));

		Page<Policy> page = this.policies.list(null, 3);

		assertThat(page.items()).extracting(Policy::nativeId)
			.containsExactly("asp-First001", "asp-Secnd001", "asp-Third001");
		assertThat(page.entries()).extracting((e) -> e.position().value())
			.containsExactly("asp-First001", "asp-Secnd001", "asp-Third001");
		assertThat(page.next()).isEqualTo(new Cursor("asp-Forth001"));
		assertThat(page.items().get(1).targets()).containsExactly(PolicyTarget.volume("v-Data0002"));
		bcc.verify(getRequestedFor(urlEqualTo("/v2/asp?maxKeys=3")));
		bcc.verify(getRequestedFor(urlEqualTo("/v2/asp?maxKeys=3&marker=asp-Third001")));
		bcc.verify(1, getRequestedFor(urlPathEqualTo("/v2/volume")));
	}

	@Test
	void theLastPageHasNoNextAndACursorResumesAtItsMarker() {
		bcc.stubFor(get(urlPathEqualTo("/v2/asp")).withQueryParam("marker", equalTo("asp-Third001"))
			.willReturn(
					okJson(aspPage("asp-Third001", false, "", asp("asp-Third001", "c", "[3]", EVERY_DAY, "7", 0)))));

		Page<Policy> page = this.policies.list(new Cursor("asp-Third001"), 10);

		assertThat(page.items()).extracting(Policy::nativeId).containsExactly("asp-Third001");
		assertThat(page.next()).isNull();
	}

	@Test
	void aCursorOfAnotherShapeIsRefusedWithoutARequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.policies.list(new Cursor("s-1&x=y"), 10))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN));
		bcc.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aServerErrorOnAReadIsMappedAndLeftToTheGuardsToRetry() {
		bcc.stubFor(
				get("/v2/asp/asp-Old00001").willReturn(aResponse().withStatus(503).withBody(error("InternalError"))));

		assertThatExceptionOfType(UpstreamUnavailableException.class)
			.isThrownBy(() -> this.policies.get("asp-Old00001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE));
		bcc.verify(1, getRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"autoSnapshotPolicy\":{\"id\":\"asp-Old00001\",\"timePoints\":\"soon\"}}|autoSnapshotPolicy.timePoints",
			"{\"autoSnapshotPolicy\":{\"id\":\"asp-Old00001\",\"timePoints\":[\"two\"]}}|autoSnapshotPolicy.timePoints[0]",
			"{\"autoSnapshotPolicy\":{\"id\":\"asp-Old00001\",\"retentionDays\":\"forever\"}}|autoSnapshotPolicy.retentionDays",
			"{\"autoSnapshotPolicy\":{\"id\":\"asp-Old00001\",\"volumeCount\":{}}}|autoSnapshotPolicy.volumeCount",
			"{\"policy\":{}}|autoSnapshotPolicy", "{\"autoSnapshotPolicy\":|the body", "[1,2]|the body" })
	void anAnswerThatCannotBeReadNamesTheField(String body, String field) {
		bcc.stubFor(get("/v2/asp/asp-Old00001").willReturn(okJson(body)));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.policies.get("asp-Old00001"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR))
			.withMessageContaining(field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "[24]|[1]|7|timePoints", "[]|[1]|7|timePoints", "[2]|[8]|7|repeatWeekdays",
			"[2]|[1]|0|retentionDays", "[2]|[1]|null|retentionDays", "[2]|[-1]|7|repeatWeekdays" })
	void aValueOutsideWhatBccDocumentsNamesTheField(String hours, String weekdays, String retention, String field) {
		bcc.stubFor(get("/v2/asp/asp-Old00001")
			.willReturn(okJson(aspReply(asp("asp-Old00001", "x", hours, weekdays, retention, 0)))));

		assertThatExceptionOfType(UpstreamErrorException.class).isThrownBy(() -> this.policies.get("asp-Old00001"))
			.withMessageContaining("asp-Old00001")
			.withMessageContaining(field);
	}

	@Test
	void theFeaturesSayWhatBccCanRun() {
		PolicyFeatures features = this.policies.features();

		assertThat(features.rules()).containsExactlyInAnyOrder(PolicyFeatures.RuleKind.HOUR,
				PolicyFeatures.RuleKind.DAY, PolicyFeatures.RuleKind.WEEK);
		assertThat(features.minutes()).containsExactly(0);
		assertThat(features.timeZone()).isEqualTo(SHANGHAI);
		assertThat(features.retentionUnit()).isEqualTo(Duration.ofDays(1));
		assertThat(features.forever()).isTrue();
		assertThat(features.minKept()).isFalse();
		assertThat(features.immutable()).isFalse();
		assertThat(features.targets()).containsExactlyInAnyOrder(PolicyTarget.Type.VOLUME, PolicyTarget.Type.MACHINE);
		assertThat(features.rulesPerPolicy()).isEqualTo(24);
		assertThat(this.policies.id()).isEqualTo(PROVIDER);
		assertThat(this.policies.isValidPolicyId("asp-oG6prjrl")).isTrue();
		assertThat(this.policies.isValidPolicyId("asp-../x")).isFalse();
		assertThat(this.policies.isValidPolicyId("s-oG6prjrl")).isFalse();
	}

	static PolicySpec spec(ZoneId zone, List<ScheduleRule> rules, PolicyRetention retention, PolicyTarget... targets) {
		return new PolicySpec("nightly-db", new PolicySchedule(zone, rules), retention, false, List.of(targets));
	}

	static PolicySpec daily(int hour, PolicyTarget... targets) {
		return spec(SHANGHAI, List.of(new ScheduleRule.Daily(LocalTime.of(hour, 0))), week(), targets);
	}

	static PolicyRetention week() {
		return new PolicyRetention(Duration.ofDays(7), null);
	}

	static IdempotencyKey key(String key) {
		return new IdempotencyKey(key, "fingerprint");
	}

	static String token(String key) {
		return key(key).token(PROVIDER);
	}

	private static void stubDiskInUse(String volumeId) {
		bcc.stubFor(
				get("/v2/volume/" + volumeId).willReturn(okJson(volumeReply(volumeId, "InUse", false, "i-Web00001"))));
	}

	private static void stubCreated(String aspId) {
		bcc.stubFor(post(urlPathEqualTo("/v2/asp")).withQueryParam("clientToken", matching("[0-9a-f]{32}"))
			.willReturn(okJson("{\"aspId\":\"" + aspId + "\"}")));
	}

	private static void stubPolicy(String aspId, String hours, String weekdays, int volumeCount) {
		bcc.stubFor(get("/v2/asp/" + aspId)
			.willReturn(okJson(aspReply(asp(aspId, "nightly-db", hours, weekdays, "7", volumeCount)))));
	}

	private static void stubVolumes(String... volumes) {
		bcc.stubFor(get(urlPathEqualTo("/v2/volume")).willReturn(okJson(volumePage(false, "", volumes))));
	}

	/**
	 * BCC as it changes with the attach: before it, the policy counts no disk; after it,
	 * the disks name the policy and are counted.
	 */
	private static void stubAttachChangesThePolicy(String aspId, String retention, String... volumeIds) {
		String hours = "[2]";
		String weekdays = EVERY_DAY;
		String scenario = "attach";
		bcc.stubFor(put(urlEqualTo("/v2/asp/" + aspId + "?attach")).inScenario(scenario)
			.willReturn(aResponse().withStatus(200))
			.willSetStateTo("attached"));
		bcc.stubFor(get("/v2/asp/" + aspId).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(aspReply(asp(aspId, "nightly-db", hours, weekdays, retention, 0)))));
		bcc.stubFor(get("/v2/asp/" + aspId).inScenario(scenario)
			.whenScenarioStateIs("attached")
			.willReturn(okJson(aspReply(asp(aspId, "nightly-db", hours, weekdays, retention, volumeIds.length)))));
		String[] volumes = new String[volumeIds.length];
		for (int i = 0; i < volumeIds.length; i++) {
			volumes[i] = volume(volumeIds[i], "InUse", false, "i-Web00001", aspId);
			bcc.stubFor(get("/v2/volume/" + volumeIds[i]).inScenario(scenario)
				.whenScenarioStateIs("attached")
				.willReturn(okJson(volumeReply(volumeIds[i], "InUse", false, "i-Web00001", aspId))));
		}
		bcc.stubFor(get(urlPathEqualTo("/v2/volume")).inScenario(scenario)
			.whenScenarioStateIs("attached")
			.willReturn(okJson(volumePage(false, "", volumes))));
	}

}
