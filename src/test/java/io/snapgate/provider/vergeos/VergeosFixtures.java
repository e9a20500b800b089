package io.snapgate.provider.vergeos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.RestoreSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Settings, providers and VergeOS rows for the adapter's tests. The rows follow the
 * shapes the VergeOS clients document: epoch seconds, {@code $key} as a number in reads.
 */
final class VergeosFixtures {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	static final long NOW_EPOCH = NOW.getEpochSecond();

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final ProviderId PROVIDER = new ProviderId("vergeos-test");

	static final String USER = "svc-snapgate";

	static final String PASSWORD = "s3cret";

	static final String API_KEY = "vk-0123456789abcdef";

	/**
	 * The fields every read of {@code cloud_snapshots} must name, as VergeOS spells them.
	 */
	static final String SNAPSHOT_FIELDS = "$key,name,description,created,expires,snapshot_profile,snapshot_period,"
			+ "private,remote_sync,immutable,immutable_status,immutable_lock_expires,status,status_info,task";

	static final String NOT_EXPIRED = "(expires eq 0 or expires gt " + NOW_EPOCH + ")";

	/**
	 * The fields of the read of the newest scheduled snapshot: which profile and period
	 * took it, and when.
	 */
	static final String PROVENANCE_FIELDS = "$key,created,snapshot_profile,snapshot_period";

	/** The cloud snapshots a schedule took: those that name their profile. */
	static final String SCHEDULED = "snapshot_profile ne null and snapshot_profile ne 0";

	/** The fields every read of {@code snapshot_profiles} must name. */
	static final String PROFILE_FIELDS = "$key,name,description";

	/** The fields every read of {@code snapshot_profile_periods} must name. */
	static final String PERIOD_FIELDS = "$key,profile,name,frequency,minute,hour,day_of_week,day_of_month,month,"
			+ "retention,min_snapshots,immutable";

	private VergeosFixtures() {
	}

	/** A fake VergeOS on a free port, for {@code @RegisterExtension}. */
	static WireMockExtension wireMock() {
		return WireMockExtension.newInstance().options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();
	}

	static VergeosSettings basic(String baseUrl) {
		return settings(baseUrl, USER, PASSWORD, null, true, null, Duration.ofSeconds(5));
	}

	static VergeosSettings apiKey(String baseUrl) {
		return settings(baseUrl, null, null, API_KEY, true, null, Duration.ofSeconds(5));
	}

	static VergeosSettings settings(String baseUrl, @Nullable String user, @Nullable String password,
			@Nullable String apiKey, boolean verifyTls, @Nullable Path caBundle, Duration readTimeout) {
		return new VergeosSettings(URI.create(baseUrl), user, password, apiKey, verifyTls, caBundle,
				Duration.ofSeconds(2), readTimeout, 1, Duration.ofDays(3), ZoneOffset.UTC, Map.of());
	}

	/** The policies of a provider whose system reads its schedules in {@code zone}. */
	static VergeosPolicies policies(String baseUrl, ZoneId zone) {
		return policies(baseUrl, zone, Map.of());
	}

	/**
	 * The policies of a provider that copies to the given providers through these syncs.
	 */
	static VergeosPolicies policies(String baseUrl, ZoneId zone, Map<String, String> copySyncs) {
		VergeosSettings settings = new VergeosSettings(URI.create(baseUrl), USER, PASSWORD, null, true, null,
				Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofDays(3), zone, copySyncs);
		return (VergeosPolicies) provider(settings).policies().orElseThrow();
	}

	/** A {@code snapshot_profiles} row. */
	static String profileRow(long key, String name, String description) {
		return """
				{"$key":%d,"name":"%s","description":"%s"}""".formatted(key, name, description);
	}

	/** A {@code snapshot_profile_periods} row. */
	static String periodRow(long key, long profile, String name, String frequency, int minute, int hour,
			String dayOfWeek, int dayOfMonth, long retention, int minSnapshots, boolean immutable) {
		return """
				{"$key":%d,"profile":%d,"name":"%s","frequency":"%s","minute":%d,"hour":%d,"day_of_week":"%s",\
				"day_of_month":%d,"month":0,"retention":%d,"min_snapshots":%d,"immutable":%s}""".formatted(key, profile,
				name, frequency, minute, hour, dayOfWeek, dayOfMonth, retention, minSnapshots, immutable);
	}

	/**
	 * Restores as configured by default, but for a claim read back at once: the tests run
	 * one replica at a time.
	 */
	static final RestoreSettings RESTORES = new RestoreSettings(Duration.ofMinutes(10), Duration.ofDays(7),
			Duration.ofMillis(10), Duration.ofSeconds(30));

	/**
	 * The read of the newest cloud snapshot a schedule took, as VergeOS is asked it:
	 * which profile the system uses.
	 */
	static MappingBuilder newestScheduledSnapshot() {
		return get(urlPathEqualTo("/api/v4/cloud_snapshots")).withQueryParam("fields", equalTo(PROVENANCE_FIELDS))
			.withQueryParam("filter", equalTo(SCHEDULED))
			.withQueryParam("sort", equalTo("-created"))
			.withQueryParam("limit", equalTo("1"))
			.withQueryParam("offset", equalTo("0"));
	}

	/**
	 * The answer to {@link #newestScheduledSnapshot()}: one snapshot, which
	 * {@code period} of {@code profile} took.
	 */
	static String takenBy(long key, long profile, long period, long created) {
		return """
				[{"$key":%d,"created":%d,"snapshot_profile":%d,"snapshot_period":%d}]""".formatted(key, created,
				profile, period);
	}

	/** The fields of every read of {@code vms}. */
	static final String VM_FIELDS = "$key,name,machine,is_snapshot,guest_agent,machine#status#running as running,"
			+ "machine#status#status as status,machine#snapshot_profile as snapshot_profile";

	/** The read of every VM, snapshots aside, that tells which VMs have which profile. */
	static MappingBuilder vmsWithProfiles() {
		return get(urlPathEqualTo("/api/v4/vms")).withQueryParam("fields", equalTo(VM_FIELDS))
			.withQueryParam("filter", equalTo("is_snapshot eq false"))
			.withQueryParam("sort", equalTo("+$key"))
			.withQueryParam("limit", equalTo("500"))
			.withQueryParam("offset", equalTo("0"));
	}

	static VergeosSnapshotProvider provider(VergeosSettings settings) {
		VergeosClient client = VergeosClient.create(WebClient.builder(), settings, CLOCK, "snapgate.providers.test");
		return new VergeosSnapshotProvider(PROVIDER, client, CLOCK, settings.minSnapshots(),
				settings.defaultRetention(), settings.policyTimeZone(), RESTORES, settings.copySyncs());
	}

	/**
	 * A {@code cloud_snapshots} row, normal, not immutable, made an hour ago and kept
	 * three days.
	 */
	static String snapshotRow(long key, String name) {
		return snapshotRow(key, name, "", NOW_EPOCH - 3600, NOW_EPOCH + 3 * 86400, false, "unlocked", 0, "normal",
				null);
	}

	static String snapshotRow(long key, String name, String description, long created, long expires, boolean immutable,
			String immutableStatus, long lockExpires, String status, @Nullable Long task) {
		return """
				{"$key":%d,"name":"%s","description":"%s","created":%d,"expires":%d,"snapshot_profile":null,\
				"snapshot_period":null,"private":false,"remote_sync":false,"immutable":%s,"immutable_status":"%s",\
				"immutable_lock_expires":%d,"status":"%s","status_info":"","task":%s}""".formatted(key, name,
				description, created, expires, immutable, immutableStatus, lockExpires, status,
				(task != null) ? task.toString() : "null");
	}

	static String vmRow(long key, long snapshot, String name, String status) {
		return """
				{"$key":%d,"cloud_snapshot":%d,"name":"%s","status":"%s","status_info":""}""".formatted(key, snapshot,
				name, status);
	}

}
