package io.snapgate.provider.baidu;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Scope;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.domain.VolumeSource;
import io.snapgate.provider.StepMark;
import org.jspecify.annotations.Nullable;

/**
 * BCC's snapshots as SnapGate's, from BCC's JSON and the disk it was taken of, already
 * told (a snapshot only names its disk; {@link BaiduDisks} tells what that disk is). The
 * attributes are {@code createMethod}, {@code encrypted}, {@code progress},
 * {@code templateId} and {@code insnapId}, each when BCC gives it.
 */
final class BaiduSnapshotMapper {

	private final ProviderId provider;

	BaiduSnapshotMapper(ProviderId provider) {
		this.provider = provider;
	}

	/**
	 * @param source the disk named by the snapshot's {@code volumeId}; {@code null} when
	 * it names none
	 * @param policy the policy BCC says made it; {@code null} when none did or none is
	 * known
	 */
	Snapshot toSnapshot(BaiduSnapshotJson json, @Nullable VolumeSource source, @Nullable String policy) {
		String id = json.id();
		Instant createdAt = parseTime(json.createTime());
		if (!BaiduIds.isSnapshotId(id) || createdAt == null) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Baidu answered a snapshot without a valid id or createTime");
		}
		String status = (json.status() != null) ? json.status() : "";
		return new Snapshot(this.provider, BaiduSnapshotProvider.TYPE, id, (json.name() != null) ? json.name() : "",
				blankToNull(StepMark.strip(json.desc())), Scope.VOLUME, source, status(status), status, createdAt,
				expiry(json), json.sizeInGb(), false, false, null, attributes(json), isAutomatic(json) ? policy : null,
				BaiduCopyNames.source(json.name()).orElse(null));
	}

	/**
	 * When BCC removes the snapshot: its {@code expireTime}, absent or empty for one kept
	 * until deleted. A value that cannot be read is an error, never taken for "never".
	 */
	private static @Nullable Instant expiry(BaiduSnapshotJson json) {
		if (json.expireTime() == null || json.expireTime().isBlank()) {
			return null;
		}
		Instant expiresAt = parseTime(json.expireTime());
		if (expiresAt == null) {
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "Baidu answered snapshot " + json.id()
					+ " with an expireTime SnapGate cannot read: it is not BCC's yyyy-MM-ddTHH:mm:ssZ");
		}
		return expiresAt;
	}

	/**
	 * Whether a schedule made it: BCC's {@code createMethod} is {@code auto} then, in a
	 * case that differs from its other values.
	 */
	static boolean isAutomatic(BaiduSnapshotJson json) {
		return "auto".equalsIgnoreCase(json.createMethod());
	}

	/**
	 * A snapshot just asked for that BCC does not show yet.
	 * @param expiresAt when it was asked to expire; {@code null} for never
	 */
	Snapshot creating(String id, String name, @Nullable String description, @Nullable VolumeSource source, Instant now,
			@Nullable Instant expiresAt) {
		return new Snapshot(this.provider, BaiduSnapshotProvider.TYPE, id, name, blankToNull(description), Scope.VOLUME,
				source, SnapshotStatus.CREATING, "Creating", now, expiresAt, null, false, false, null, Map.of(), null);
	}

	static SnapshotStatus status(String providerStatus) {
		return switch (providerStatus.toLowerCase(Locale.ROOT)) {
			case "creating" -> SnapshotStatus.CREATING;
			case "available" -> SnapshotStatus.AVAILABLE;
			case "createdfailed" -> SnapshotStatus.FAILED;
			default -> SnapshotStatus.UNAVAILABLE;
		};
	}

	private static Map<String, String> attributes(BaiduSnapshotJson json) {
		Map<String, String> attributes = new LinkedHashMap<>();
		putIfPresent(attributes, "createMethod", json.createMethod());
		putIfPresent(attributes, "encrypted", (json.encrypted() != null) ? json.encrypted().toString() : null);
		putIfPresent(attributes, "progress", json.progress());
		putIfPresent(attributes, "templateId", json.templateId());
		putIfPresent(attributes, "insnapId", json.insnapId());
		return attributes;
	}

	private static void putIfPresent(Map<String, String> attributes, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			attributes.put(name, value);
		}
	}

	/**
	 * BCC writes {@code yyyy-MM-ddTHH:mm:ssZ}; an offset or fractions are accepted too.
	 */
	static @Nullable Instant parseTime(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
