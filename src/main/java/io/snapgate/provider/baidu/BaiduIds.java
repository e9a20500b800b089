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
