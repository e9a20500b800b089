package io.snapgate.sandbox.baidu;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * BCC's paging of a listing in a fixed order: {@code marker} is the id a page begins
 * with, {@code nextMarker} the id the next one begins with, and a marker that names
 * nothing listed is refused.
 */
final class BaiduSandboxPaging {

	private BaiduSandboxPaging() {
	}

	/**
	 * @param what what is listed, for the refusal of a marker
	 */
	static <T> Slice<T> slice(List<T> ordered, Function<T, String> id, @Nullable String marker, int maxKeys,
			String what) {
		int start = 0;
		if (marker != null && !marker.isEmpty()) {
			start = ordered.stream().map(id).toList().indexOf(marker);
			if (start < 0) {
				throw BaiduSandboxException.invalid("marker " + marker + " is no " + what + " of this account");
			}
		}
		int end = Math.min(ordered.size(), start + maxKeys);
		return new Slice<>(ordered.subList(start, end), (end < ordered.size()) ? id.apply(ordered.get(end)) : null);
	}

	/**
	 * @param nextMarker where the next page begins; {@code null} after the last
	 */
	record Slice<T>(List<T> items, @Nullable String nextMarker) {

		Slice {
			items = List.copyOf(items);
		}

	}

}
