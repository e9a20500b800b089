package io.snapgate.provider.vergeos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.CreateSnapshot;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.Preview;
import io.snapgate.domain.PreviewBuilder;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Takes cloud snapshots.
 * <p>
 * Creates are idempotent without help from VergeOS, which takes no client token: the
 * create carries a marker derived from the idempotency key in the snapshot's description
 * (see {@link VergeosIdempotencyMarker}), and before creating, the adapter looks for a
 * snapshot that carries it. A lost reply thus never leads to a second snapshot when the
 * caller asks again with the same key; and since VergeOS refuses a second snapshot of the
 * same name (409), a create running twice at once makes one snapshot, whose marker tells
 * the loser that it is its own. A POST is never repeated here.
 */
final class VergeosCreation {

	private static final int MAX_DESCRIPTION = 2048;

	private static final int MARKER_MATCHES = 10;

	private final ProviderId provider;

	private final VergeosClient client;

	private final VergeosListing listing;

	private final VergeosSnapshotMapper mapper;

	private final Clock clock;

	private final int minSnapshots;

	private final Duration defaultRetention;

	VergeosCreation(ProviderId provider, VergeosClient client, VergeosListing listing, VergeosSnapshotMapper mapper,
			Clock clock, int minSnapshots, Duration defaultRetention) {
		this.provider = provider;
		this.client = client;
		this.listing = listing;
		this.mapper = mapper;
		this.clock = clock;
		this.minSnapshots = minSnapshots;
		this.defaultRetention = defaultRetention;
	}

	Snapshot create(CreateSnapshot command) {
		Checked checked = check(command);
		if (checked.earlier() != null) {
			return checked.earlier();
		}
		VergeosIdempotencyMarker marker = checked.marker();
		long expires = checked.expires();
		Instant now = checked.now();
		VergeosNewCloudSnapshot body = new VergeosNewCloudSnapshot(command.name(), checked.description(),
				this.minSnapshots, expires,
				command.neverExpire() ? VergeosNewCloudSnapshot.EXPIRES_NEVER : VergeosNewCloudSnapshot.EXPIRES_DATE,
				command.immutable(), command.privateSnapshot());
		VergeosCreateReply reply;
		try {
			reply = this.client.createCloudSnapshot(body);
		}
		catch (ConflictException ex) {
			if (marker != null) {
				// a twin request may have won the race for the name: its marker says
				// whether it was ours
				Optional<Snapshot> twin = findMarkedByName(command.name(), marker);
				if (twin.isPresent()) {
					return twin.get();
				}
			}
			throw ex;
		}
		String key = reply.key();
		if (key != null && VergeosLimits.isKey(key)) {
			return this.listing.get(key).orElseGet(() -> this.mapper.provisional(key, command, now, expires));
		}
		if (marker != null) {
			Optional<Snapshot> made = findMarked(marker);
			if (made.isPresent()) {
				return made.get();
			}
		}
		throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR, "VergeOS did not say which snapshot it made");
	}

	Preview preview(CreateSnapshot command) {
		Checked checked = check(command);
		PreviewBuilder preview = new PreviewBuilder().passed("REQUEST_VALID",
				"VergeOS takes the name, the description and the retention");
		Snapshot earlier = checked.earlier();
		if (earlier != null) {
			return preview.passed("SAME_REQUEST", "This Idempotency-Key's snapshot exists already")
				.action(Preview.Change.NONE, "SNAPSHOT", earlier.ref().toString(), earlier.name(), null,
						"Nothing: the snapshot made under this Idempotency-Key is answered")
				.build();
		}
		if (!this.client.cloudSnapshots(VergeosFilter.eq("name", command.name()), 1, 0).isEmpty()) {
			throw new ConflictException(ErrorCode.NAME_TAKEN,
					"VergeOS already has a snapshot named '" + command.name() + "'; snapshot names are unique there");
		}
		preview.passed("NAME_FREE", "No cloud snapshot is named '" + command.name() + "'");
		String expiry = command.neverExpire() ? "kept until deleted"
				: "kept until " + Instant.ofEpochSecond(checked.expires());
		preview.action(Preview.Change.CREATE, "SNAPSHOT", null, command.name(), null,
				"A cloud snapshot of the whole system, " + expiry);
		if (command.immutable()) {
			preview.warn("Immutable: once locked, nobody can delete it, not even an administrator, until an unlock "
					+ "runs out (7 days, or its expiry if sooner)");
		}
		return preview.build();
	}

	/**
	 * Everything the create checks before it writes, with reads only: the request's shape
	 * for VergeOS and, under an idempotency key, the snapshot an earlier call made.
	 */
	private Checked check(CreateSnapshot command) {
		if (command.volumeId() != null) {
			throw InvalidRequestException.unsupported("volumeId", "VergeOS snapshots whole systems");
		}
		VergeosLimits.checkName("name", command.name());
		if (command.retention() != null && (command.retention().isNegative() || command.retention().isZero())) {
			throw InvalidRequestException.field("retention", "must be positive");
		}
		VergeosIdempotencyMarker marker = (command.idempotency() != null)
				? VergeosIdempotencyMarker.of(command.idempotency(), this.provider) : null;
		Snapshot earlier = (marker != null) ? findMarked(marker).orElse(null) : null;
		String description = (marker != null) ? marker.appendTo(command.description()) : command.description();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw InvalidRequestException.field("description", "too long for VergeOS");
		}
		Instant now = this.clock.instant();
		Duration retention = (command.retention() != null) ? command.retention() : this.defaultRetention;
		long expires = command.neverExpire() ? 0 : now.plus(retention).getEpochSecond();
		return new Checked(marker, (description != null) ? description : "", now, expires, earlier);
	}

	private Optional<Snapshot> findMarked(VergeosIdempotencyMarker marker) {
		return matching(
				this.client.cloudSnapshots(VergeosFilter.contains("description", marker.token()), MARKER_MATCHES, 0),
				marker);
	}

	private Optional<Snapshot> findMarkedByName(String name, VergeosIdempotencyMarker marker) {
		return matching(this.client.cloudSnapshots(VergeosFilter.eq("name", name), 1, 0), marker);
	}

	/**
	 * The row made under the same key for the same request, if any.
	 * @throws IdempotencyKeyReusedException when a row was made under the same key for
	 * another request
	 */
	private Optional<Snapshot> matching(List<VergeosCloudSnapshotRow> rows, VergeosIdempotencyMarker marker) {
		boolean reused = false;
		for (VergeosCloudSnapshotRow row : rows) {
			Optional<VergeosIdempotencyMarker> found = VergeosIdempotencyMarker.in(row.description())
				.filter((candidate) -> candidate.token().equals(marker.token()));
			if (found.isPresent() && row.key() != null) {
				if (found.get().equals(marker)) {
					return Optional.of(this.listing.snapshot(row));
				}
				reused = true;
			}
		}
		if (reused) {
			throw new IdempotencyKeyReusedException();
		}
		return Optional.empty();
	}

	/**
	 * A create as checked before it is sent.
	 *
	 * @param earlier the snapshot an earlier call under the same key made, if any
	 */
	private record Checked(@Nullable VergeosIdempotencyMarker marker, String description, Instant now, long expires,
			@Nullable Snapshot earlier) {
	}

}
