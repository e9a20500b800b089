package io.snapgate.provider.baidu;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotRef;
import org.jspecify.annotations.Nullable;

/**
 * The name a copy gets in the target region, which is the only place SnapGate can say
 * where it came from: BCC keeps no link from a copy to its source.
 * {@code copy_of_<provider>_<snapshot>}, with each {@code -} written {@code _} (a BCC
 * name takes letters, digits and underscores; a provider id and a snapshot id have no
 * underscore of their own, so the name reads back); {@code copy_of_<snapshot>} where that
 * would be longer than BCC's 65 characters, and then the source's provider is not told.
 */
final class BaiduCopyNames {

	private static final String PREFIX = "copy_of_";

	private static final int MAX_LENGTH = 65;

	private static final Pattern NAMED = Pattern.compile("copy_of_([a-z0-9][a-z0-9_]*?)_(s_[A-Za-z0-9]{1,32})");

	private BaiduCopyNames() {
	}

	static String of(ProviderId source, String snapshotId) {
		String full = PREFIX + underscored(source.value()) + "_" + underscored(snapshotId);
		return (full.length() <= MAX_LENGTH) ? full : PREFIX + underscored(snapshotId);
	}

	/** The snapshot a copy of this name was made of, where its name tells it whole. */
	static Optional<SnapshotRef> source(@Nullable String name) {
		if (name == null) {
			return Optional.empty();
		}
		Matcher matcher = NAMED.matcher(name);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String provider = matcher.group(1).replace('_', '-');
		String snapshot = matcher.group(2).replace('_', '-');
		if (!ProviderId.isValid(provider) || !BaiduIds.isSnapshotId(snapshot)) {
			return Optional.empty();
		}
		return Optional.of(new SnapshotRef(new ProviderId(provider), snapshot));
	}

	private static String underscored(String value) {
		return value.replace('-', '_');
	}

}
