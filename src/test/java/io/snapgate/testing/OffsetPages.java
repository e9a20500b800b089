package io.snapgate.testing;

import java.util.ArrayList;
import java.util.List;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.Page;
import org.jspecify.annotations.Nullable;

/**
 * Pages of an in-memory list by offset, the way the fakes page: each entry's cursor is
 * its own offset.
 */
final class OffsetPages {

	private OffsetPages() {
	}

	static <T> Page<T> page(List<T> all, @Nullable Cursor cursor, int limit) {
		int offset = (cursor != null) ? Integer.parseInt(cursor.value()) : 0;
		List<Page.Entry<T>> entries = new ArrayList<>();
		for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
			entries.add(new Page.Entry<>(all.get(i), new Cursor(String.valueOf(i))));
		}
		Cursor next = (offset + limit < all.size()) ? new Cursor(String.valueOf(offset + limit)) : null;
		return new Page<>(entries, next);
	}

}
