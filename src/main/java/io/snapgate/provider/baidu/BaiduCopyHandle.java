package io.snapgate.provider.baidu;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.domain.CopyHandle;
import io.snapgate.domain.ProviderId;

/**
 * What a Baidu copy's id carries, as BCC keeps no record of a copy on the source side:
 * the snapshot copied, the target provider, the copy's id there, and when it was sent.
 *
 * @param snapshotId the snapshot copied
 * @param target the provider of the region it went to
 * @param copyId the copy's id in that region, as BCC answered it
 * @param sentAt when BCC took the copy
 */
record BaiduCopyHandle(String snapshotId, ProviderId target, String copyId, Instant sentAt) {

	private static final Pattern FORM = Pattern
		.compile("b1:(s-[A-Za-z0-9]{1,32}):([a-z0-9][a-z0-9-]{0,62}):(s-[A-Za-z0-9]{1,32}):(\\d{1,12})");

	CopyHandle value() {
		return new CopyHandle(
				"b1:" + this.snapshotId + ":" + this.target + ":" + this.copyId + ":" + this.sentAt.getEpochSecond());
	}

	static Optional<BaiduCopyHandle> parse(CopyHandle handle) {
		Matcher matcher = FORM.matcher(handle.value());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new BaiduCopyHandle(matcher.group(1), new ProviderId(matcher.group(2)), matcher.group(3),
				Instant.ofEpochSecond(Long.parseLong(matcher.group(4)))));
	}

}
