package io.snapgate.provider.vergeos;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.IdempotencyKey;
import io.snapgate.domain.IdempotencyKeyReusedException;
import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapGateException;
import io.snapgate.domain.UpstreamErrorException;
import io.snapgate.provider.StepMark;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What VergeOS keeps of a restore asked for under an idempotency key, since a recovery
 * takes no client token: an entry in {@code snapshot_profiles}, a table whose names
 * VergeOS keeps unique, named after the key
 * ({@code snapgate-restore-<32 hex of the key>}), with no periods, so it runs nothing.
 * Its description holds the request's fingerprint, when it was asked for, and whether its
 * one write, the recovery, was sent ({@link StepMark}). Of several replicas that start
 * the same restore at once, one makes the entry and sends the recovery; the others find
 * it. The same key with another request finds an entry of another fingerprint. Entries
 * older than a day are deleted by the next keyed restore: a key is remembered for a day.
 */
final class VergeosRestoreLedger {

	static final String PREFIX = "snapgate-restore-";

	static final Duration KEPT = Duration.ofDays(1);

	private static final String DESCRIPTION = "SnapGate's record of a restore; it runs nothing and is deleted after "
			+ "a day";

	private static final Pattern RECORD = Pattern.compile("\\[snapgate-restore:([0-9a-f]{12}):([0-9]{1,15})]");

	private static final int SWEEP_PAGE = 100;

	private static final Logger logger = LoggerFactory.getLogger(VergeosRestoreLedger.class);

	private final ProviderId provider;

	private final VergeosClient client;

	VergeosRestoreLedger(ProviderId provider, VergeosClient client) {
		this.provider = provider;
		this.client = client;
	}

	/** The key's entry, if a restore was asked for under it. */
	Optional<Entry> find(IdempotencyKey key) {
		return find(token(key));
	}

	/**
	 * The entry of a restore handle's token; of two entries under one name, should
	 * VergeOS ever keep both, the first made.
	 */
	Optional<Entry> find(String token) {
		return this.client.profiles(VergeosFilter.eq("name", PREFIX + token), 2, 0)
			.stream()
			.filter((row) -> row.key() != null && VergeosLimits.isKey(row.key()))
			.min(Comparator.comparingLong((VergeosProfileRow row) -> Long.parseLong(String.valueOf(row.key()))))
			.flatMap(VergeosRestoreLedger::entry);
	}

	/**
	 * Makes the key's entry.
	 * @return the entry made; empty when another call under the same key made it first
	 */
	Optional<Entry> open(IdempotencyKey key, Instant askedAt) {
		String fingerprint = fingerprint(key);
		String description = DESCRIPTION + " [snapgate-restore:" + fingerprint + ":" + askedAt.toEpochMilli() + "]";
		VergeosCreateReply reply;
		try {
			reply = this.client.createProfile(new VergeosProfileBody(name(key), description));
		}
		catch (ConflictException ex) {
			return Optional.empty();
		}
		String rowKey = reply.key();
		if (rowKey == null || !VergeosLimits.isKey(rowKey)) {
			// VergeOS made the entry without saying its key: read it back by its name
			return Optional.of(find(key).orElseThrow(() -> new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"VergeOS did not say which snapshot profile it made for the restore's record")));
		}
		return Optional.of(new Entry(rowKey, fingerprint, askedAt, null, description));
	}

	/** The entry's description as VergeOS keeps it now. */
	@Nullable String description(Entry entry) {
		return this.client.profile(entry.key()).map(VergeosProfileRow::description).orElse(null);
	}

	void describe(Entry entry, String description) {
		this.client.updateProfile(entry.key(), VergeosProfileBody.describe(description));
	}

	/** Notes on the entry that the recovery was sent. */
	void markSent(Entry entry, Instant at) {
		this.client.updateProfile(entry.key(),
				VergeosProfileBody.describe(StepMark.sent(at).onto(entry.description())));
	}

	/** Deletes the entries older than a day: best effort, never failing the restore. */
	void sweep(Instant now) {
		try {
			for (VergeosProfileRow row : this.client.profiles(VergeosFilter.contains("name", PREFIX), SWEEP_PAGE, 0)) {
				Optional<Entry> entry = entry(row);
				if (entry.isPresent() && entry.get().askedAt().plus(KEPT).isBefore(now)) {
					this.client.deleteProfile(entry.get().key());
				}
			}
		}
		catch (SnapGateException ex) {
			logger.debug("Old restore records of provider {} not deleted: {}", this.provider, ex.getMessage());
		}
	}

	/**
	 * Makes the key's entry, unless an identical request made it first.
	 * @return the entry made; empty when an identical request under the key made it first
	 * @throws IdempotencyKeyReusedException when another request made it
	 */
	Optional<Entry> openOnce(IdempotencyKey key, Instant askedAt) {
		Optional<Entry> made = open(key, askedAt);
		if (made.isEmpty()) {
			Entry earlier = find(key).orElseThrow(() -> new ConflictException(ErrorCode.NAME_TAKEN,
					"VergeOS refused the restore's record and shows none under this Idempotency-Key"));
			if (!isSameRequest(earlier, key)) {
				throw new IdempotencyKeyReusedException();
			}
		}
		return made;
	}

	boolean isSameRequest(Entry entry, IdempotencyKey key) {
		return entry.fingerprint().equals(fingerprint(key));
	}

	String token(IdempotencyKey key) {
		return key.token(this.provider);
	}

	private String name(IdempotencyKey key) {
		return PREFIX + token(key);
	}

	private static String fingerprint(IdempotencyKey key) {
		return key.fingerprint().substring(0, 12);
	}

	private static Optional<Entry> entry(VergeosProfileRow row) {
		String description = row.description();
		if (row.key() == null || row.name() == null || !row.name().startsWith(PREFIX) || description == null) {
			return Optional.empty();
		}
		Matcher matcher = RECORD.matcher(description);
		if (!matcher.find()) {
			return Optional.empty();
		}
		return Optional.of(new Entry(row.key(), matcher.group(1),
				Instant.ofEpochMilli(Long.parseLong(matcher.group(2))), StepMark.in(description), description));
	}

	/**
	 * @param key the entry's row key
	 * @param fingerprint the first characters of the request's fingerprint
	 * @param askedAt when the restore was first asked for
	 * @param step whether the recovery was sent; {@code null} while it is not
	 * @param description the row's description as read
	 */
	record Entry(String key, String fingerprint, Instant askedAt, @Nullable StepMark step, String description) {

		boolean sent() {
			return this.step != null && this.step.sent();
		}

	}

}
