package io.snapgate.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a provider's listing, newest first. Every entry carries the cursor at which
 * a listing would start with that very entry, so that a merged page that stops part-way
 * through this one can resume exactly there.
 *
 * @param entries the items with their positions
 * @param next where the following page starts; {@code null} when this is the last
 * @param <T> the item type
 */
public record Page<T>(List<Entry<T>> entries, @Nullable Cursor next) {

	public Page {
		entries = List.copyOf(entries);
	}

	public static <T> Page<T> last(List<Entry<T>> entries) {
		return new Page<>(entries, null);
	}

	public List<T> items() {
		return this.entries.stream().map(Entry::item).toList();
	}

	/**
	 * An item and the cursor at which a listing starts with it.
	 */
	public record Entry<T>(T item, Cursor position) {
	}

}
