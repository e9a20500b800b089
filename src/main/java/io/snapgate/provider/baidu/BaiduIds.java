package io.snapgate.provider.baidu;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * The shapes of BCC's ids and of its snapshot and policy names. Nothing reaches a BCC URL
 * or query without matching one.
 */
final class BaiduIds {

	private static final Pattern SNAPSHOT = Pattern.compile("s-[A-Za-z0-9]{1,32}");

	private static final Pattern VOLUME = Pattern.compile("v-[A-Za-z0-9]{1,32}");

	private static final Pattern INSTANCE = Pattern.compile("i-[A-Za-z0-9]{1,32}");

	private static final Pattern SNAPSHOT_NAME = Pattern.compile("[A-Za-z0-9_]{1,65}");

	/**
	 * Baidu documents no shape for an instance snapshot's id: a prefix of lower-case
	 * letters, a dash and letters or digits, like every other BCC id, but none of the
	 * prefixes of disk snapshots, disks, instances and policies. An id BCC answers in
	 * another shape is refused loudly rather than guessed at.
	 */
	private static final Pattern INSTANCE_SNAPSHOT = Pattern.compile("(?!(?:s|v|i|asp)-)[a-z]{1,12}-[A-Za-z0-9]{1,32}");

	/**
	 * 1 to 65 characters starting with a letter (BCC's rule for an instance snapshot's
	 * name), of the letters, digits and underscores that a disk snapshot's name takes, as
	 * BCC may name the group's disk snapshots after it.
	 */
	private static final Pattern INSTANCE_SNAPSHOT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,64}");

	private static final Pattern POLICY = Pattern.compile("asp-[A-Za-z0-9]{1,32}");

	/**
	 * 1 to 65 characters starting with a letter: letters, digits, Chinese characters and
	 * {@code - _ / .}.
	 */
	private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9\\p{IsHan}\\-_/.]{0,64}");

	private BaiduIds() {
	}

	@Contract("null -> false")
	static boolean isSnapshotId(@Nullable String candidate) {
		return matches(SNAPSHOT, candidate);
	}

	@Contract("null -> false")
	static boolean isVolumeId(@Nullable String candidate) {
		return matches(VOLUME, candidate);
	}

	@Contract("null -> false")
	static boolean isInstanceId(@Nullable String candidate) {
		return matches(INSTANCE, candidate);
	}

	@Contract("null -> false")
	static boolean isInstanceSnapshotId(@Nullable String candidate) {
		return matches(INSTANCE_SNAPSHOT, candidate);
	}

	static boolean isInstanceSnapshotName(@Nullable String candidate) {
		return matches(INSTANCE_SNAPSHOT_NAME, candidate);
	}

	static boolean isSnapshotName(@Nullable String candidate) {
		return matches(SNAPSHOT_NAME, candidate);
	}

	@Contract("null -> false")
	static boolean isPolicyId(@Nullable String candidate) {
		return matches(POLICY, candidate);
	}

	static boolean isPolicyName(@Nullable String candidate) {
		return matches(POLICY_NAME, candidate);
	}

	private static boolean matches(Pattern pattern, @Nullable String candidate) {
		return candidate != null && pattern.matcher(candidate).matches();
	}

}
