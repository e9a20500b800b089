package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.ProviderId;

/**
 * What a VergeOS copy's id carries: the outgoing sync, the cloud snapshot sent, the
 * provider at the other end, and when it was queued. The queue entry itself is found
 * again from the first two.
 *
 * @param sync the key of the outgoing sync
 * @param snapshot the key of the cloud snapshot sent
 * @param target the provider of the remote site
 * @param queuedAt when SnapGate queued it, or when VergeOS says it did
 */
record VergeosCopyHandle(String sync, String snapshot, ProviderId target, Instant queuedAt) {

	private static final Pattern FORM = Pattern
		.compile("v1:(\\d{1,18}):(\\d{1,18}):([a-z0-9][a-z0-9-]{0,62}):(\\d{1,12})");

	CopyHandle value() {
		return new CopyHandle(
				"v1:" + this.sync + ":" + this.snapshot + ":" + this.target + ":" + this.queuedAt.getEpochSecond());
	}

	static Optional<VergeosCopyHandle> parse(CopyHandle handle) {
		Matcher matcher = FORM.matcher(handle.value());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new VergeosCopyHandle(matcher.group(1), matcher.group(2), new ProviderId(matcher.group(3)),
				Instant.ofEpochSecond(Long.parseLong(matcher.group(4)))));
	}

}
