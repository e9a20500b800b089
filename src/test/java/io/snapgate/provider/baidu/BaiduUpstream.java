package io.snapgate.provider.baidu;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.RestoreSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Baidu adapter pointed at WireMock, the JSON BCC answers, and the check that a
 * recorded request carries the signature BCC would compute for it.
 */
final class BaiduUpstream {

	static final String ACCESS_KEY_ID = "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";

	static final String SECRET_ACCESS_KEY = "f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4";

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	static final ProviderId PROVIDER = new ProviderId("baidu-bj");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private BaiduUpstream() {
	}

	static BaiduSnapshotProvider provider(String baseUrl, Clock clock) {
		return provider(baseUrl, clock, Duration.ofSeconds(5));
	}

	static BaiduSnapshotProvider provider(String baseUrl, Clock clock, Duration readTimeout) {
		return provider(baseUrl, clock, readTimeout, null);
	}

	/**
	 * Restores as configured by default, but for a claim read back at once: the tests run
	 * one replica at a time.
	 */
	static final RestoreSettings RESTORES = new RestoreSettings(Duration.ofMinutes(10), Duration.ofDays(7),
			Duration.ofMillis(10), Duration.ofSeconds(30));

	/**
	 * @param quotaPerDisk the manual snapshots a disk may hold, when the account's quota
	 * is known
	 */
	static BaiduSnapshotProvider provider(String baseUrl, Clock clock, Duration readTimeout,
			@Nullable Integer quotaPerDisk) {
		return provider(baseUrl, clock, readTimeout, quotaPerDisk, Map.of());
	}

	/**
	 * @param copyRegions the providers it copies to, with their regions
	 */
	static BaiduSnapshotProvider provider(String baseUrl, Clock clock, Duration readTimeout,
			@Nullable Integer quotaPerDisk, Map<String, String> copyRegions) {
		BaiduSettings settings = new BaiduSettings(URI.create(baseUrl), ACCESS_KEY_ID, SECRET_ACCESS_KEY,
				Duration.ofSeconds(2), readTimeout, 1800, SHANGHAI, quotaPerDisk, copyRegions);
		return new BaiduSnapshotProvider(PROVIDER, BaiduClient.create(WebClient.builder(), settings, PROVIDER, clock),
				clock, SHANGHAI, quotaPerDisk, RESTORES, copyRegions);
	}

	static Clock fixedClock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	/**
	 * Recomputes the signature from the request as WireMock received it, as BCC does, and
	 * compares.
	 */
	static void assertSignedAt(LoggedRequest request, Instant time) {
		String authorization = request.getHeader("Authorization");
		assertThat(authorization)
			.startsWith("bce-auth-v1/" + ACCESS_KEY_ID + "/" + BceV1Signer.timestamp(time) + "/1800/");
		assertThat(request.getHeader("x-bce-date")).isEqualTo(BceV1Signer.timestamp(time));
		String[] parts = authorization.split("/", -1);
		assertThat(parts).hasSize(6);
		List<String> signed = Arrays.asList(parts[4].split(";"));
		assertThat(signed).contains("host", "x-bce-date");
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : signed) {
			assertThat(request.containsHeader(name)).as("signed header %s is sent", name).isTrue();
			String value = request.getHeader(name);
			// WireMock's Jetty upper-cases the charset as it parses; the wire carries
			// what the client sent
			headers.put(name, (name.equals("content-type") && value.equalsIgnoreCase(BaiduClient.JSON_UTF8))
					? BaiduClient.JSON_UTF8 : value);
		}
		String url = request.getUrl();
		int question = url.indexOf('?');
		BceRequest received = BceRequest.of(request.getMethod().getName(),
				(question < 0) ? url : url.substring(0, question), (question < 0) ? null : url.substring(question + 1),
				headers, signed);
		String expected = new BceV1Signer(ACCESS_KEY_ID, SECRET_ACCESS_KEY, 1800, Clock.fixed(time, ZoneOffset.UTC))
			.authorization(received, time);
		assertThat(authorization).isEqualTo(expected);
	}

	static String snapshot(String id, String volumeId, String status, String createTime) {
		return """
				{"id":"%s","name":"snap_%s","sizeInGB":40,"createTime":"%s","status":"%s","createMethod":"MANUAL",
				 "volumeId":"%s","desc":"","expireTime":null,"encrypted":false,"progress":"100","package":false,
				 "templateId":"","insnapId":""}""".formatted(id, id.substring(2), createTime, status, volumeId);
	}

	static String snapshotReply(String id, String volumeId, String status) {
		return "{\"snapshot\":" + snapshot(id, volumeId, status, "2026-11-22T09:00:00Z") + "}";
	}

	static String volumeReply(String id, String status, boolean system, String instanceId) {
		return "{\"volume\":" + volume(id, status, system, instanceId, null) + "}";
	}

	/**
	 * @param policyId the policy the disk is in, or {@code null} for none
	 */
	static String volumeReply(String id, String status, boolean system, String instanceId, String policyId) {
		return "{\"volume\":" + volume(id, status, system, instanceId, policyId) + "}";
	}

	/**
	 * A disk as BCC shows it, with its policy as BCC writes it: the whole policy object.
	 */
	static String volume(String id, String status, boolean system, String instanceId, String policyId) {
		String attachments = instanceId.isEmpty() ? "[]" : "[{\"volumeId\":\"" + id + "\",\"instanceId\":\""
				+ instanceId + "\",\"device\":\"/dev/vdb\",\"serial\":\"x\"}]";
		String policy = (policyId != null) ? asp(policyId, "p", "[2]", "[0,1,2,3,4,5,6]", "7", 1) : "null";
		return """
				{"id":"%s","name":"disk_%s","diskSizeInGB":40,"status":"%s","type":"Cds","storageType":"hp1",
				 "isSystemVolume":%s,"zoneName":"cn-bj-a","attachments":%s,"sourceSnapshotId":"","createTime":"2026-01-01T00:00:00Z",
				 "autoSnapshotPolicy":%s}"""
			.formatted(id, id.substring(2), status, system, attachments, policy);
	}

	static String volumePage(boolean truncated, String nextMarker, String... volumes) {
		return "{\"marker\":\"\",\"isTruncated\":" + truncated + ",\"nextMarker\":\"" + nextMarker
				+ "\",\"maxKeys\":1000,\"volumes\":[" + String.join(",", volumes) + "]}";
	}

	/**
	 * An automatic snapshot policy as BCC's model shows it, never run yet (BCC's
	 * placeholder time).
	 * @param timePoints the JSON of the hours, such as {@code [2]}
	 * @param weekdays the JSON of the weekdays
	 * @param retentionDays the JSON of the retention, a number or a string
	 */
	static String asp(String id, String name, String timePoints, String weekdays, String retentionDays,
			int volumeCount) {
		return """
				{"id":"%s","name":"%s","timePoints":%s,"repeatWeekdays":%s,"status":"active","retentionDays":%s,
				 "createdTime":"2026-11-01T08:00:00Z","updatedTime":"2026-11-01T08:00:00Z",
				 "deletedTime":"1971-01-01T00:00:01Z","lastExecuteTime":"1971-01-01T00:00:01Z","volumeCount":%d}"""
			.formatted(id, name, timePoints, weekdays, retentionDays, volumeCount);
	}

	static String aspReply(String asp) {
		return "{\"autoSnapshotPolicy\":" + asp + "}";
	}

	static String aspPage(String marker, boolean truncated, String nextMarker, String... policies) {
		return "{\"marker\":\"" + marker + "\",\"isTruncated\":" + truncated + ",\"nextMarker\":\"" + nextMarker
				+ "\",\"maxKeys\":1000,\"autoSnapshotPolicys\":[" + String.join(",", policies) + "]}";
	}

	static String instanceReply(String id, String status) {
		return "{\"instance\":{\"id\":\"" + id + "\",\"name\":\"web\",\"status\":\"" + status
				+ "\",\"zoneName\":\"cn-bj-a\"}}";
	}

	static String page(String marker, boolean truncated, String nextMarker, String... snapshots) {
		return "{\"marker\":\"" + marker + "\",\"isTruncated\":" + truncated + ",\"nextMarker\":\"" + nextMarker
				+ "\",\"maxKeys\":1000,\"snapshots\":[" + String.join(",", snapshots) + "]}";
	}

	/**
	 * An instance snapshot as BCC lists it.
	 * @param disks each disk's snapshot, as {@link #groupDisk} writes it
	 */
	static String group(String id, String instanceId, String status, String createdTime, String... disks) {
		return """
				{"instanceSnapshotId":"%s","instanceSnapshotName":"machine_%s","instanceSnapshotSizeInGiB":%d,
				 "createdTime":"%s","instanceSnapshotStatus":"%s","instanceId":"%s","snapshots":[%s]}""".formatted(id,
				id.substring(id.indexOf('-') + 1), 40 * disks.length, createdTime, status, instanceId,
				String.join(",", disks));
	}

	/** One disk's snapshot in an instance snapshot, as BCC lists it. */
	static String groupDisk(String snapshotId, String volumeId, String status) {
		return """
				{"snapshotId":"%s","snapshotName":"machine","snapshotSizeInGiB":40,"snapshotStatus":"%s",
				 "volumeId":"%s","creationMethod":"MANUAL","description":"","createdTime":"2026-11-22T09:00:00Z",
				 "expiredTime":"","encrypted":false}""".formatted(snapshotId, status, volumeId);
	}

	/** A page of instance snapshots. */
	static String groupPage(boolean truncated, String nextMarker, String... groups) {
		return "{\"marker\":\"-1\",\"isTruncated\":" + truncated + ",\"nextMarker\":\"" + nextMarker
				+ "\",\"maxKeys\":100,\"instanceSnapshots\":[" + String.join(",", groups) + "]}";
	}

	static String error(String code) {
		return "{\"requestId\":\"req-" + code + "\",\"code\":\"" + code + "\",\"message\":\"upstream says " + code
				+ "\"}";
	}

}
