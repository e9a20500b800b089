package io.snapgate.provider.baidu;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import io.snapgate.domain.Snapshot;
import org.jspecify.annotations.Nullable;

/**
 * One of BCC's listings (disk snapshots, instance snapshots) read page by page as a
 * merged listing takes from it: each item is told (and mapped) only once it is at the
 * head, and the stream can always say where a listing that starts with its head begins.
 *
 * @param <R> what BCC lists
 */
final class BaiduSnapshotStream<R> {

	private final Function<@Nullable String, Chunk<R>> reader;

	private final Function<R, String> idOf;

	private final Function<R, @Nullable Snapshot> listed;

	private final Deque<R> buffer = new ArrayDeque<>();

	private @Nullable String marker;

	private boolean exhausted;

	private int readsLeft;

	private boolean stalled;

	private @Nullable Snapshot head;

	/**
	 * @param reader reads the page that begins at a marker ({@code null}: the first)
	 * @param idOf the id by which BCC resumes a listing at an item
	 * @param listed the item as SnapGate lists it; {@code null} for one it does not
	 * @param position where to begin: {@link BaiduListingCursor#START},
	 * {@link BaiduListingCursor#END} or a marker
	 * @param maxReads the most pages read for one listing
	 */
	BaiduSnapshotStream(Function<@Nullable String, Chunk<R>> reader, Function<R, String> idOf,
			Function<R, @Nullable Snapshot> listed, String position, int maxReads) {
		this.reader = reader;
		this.idOf = idOf;
		this.listed = listed;
		this.exhausted = position.equals(BaiduListingCursor.END);
		this.marker = position.equals(BaiduListingCursor.START) || this.exhausted ? null : position;
		this.readsLeft = maxReads;
	}

	/**
	 * The next snapshot listed, reading pages as needed; {@code null} once there is none,
	 * or when no more pages may be read for this listing ({@link #stalled()}).
	 */
	@Nullable Snapshot peek() {
		while (this.head == null) {
			R next = this.buffer.peekFirst();
			if (next != null) {
				this.head = this.listed.apply(next);
				if (this.head == null) {
					this.buffer.removeFirst();
				}
				continue;
			}
			if (this.exhausted) {
				return null;
			}
			if (this.readsLeft == 0) {
				this.stalled = true;
				return null;
			}
			this.readsLeft--;
			Chunk<R> chunk = this.reader.apply(this.marker);
			this.buffer.addAll(chunk.items());
			this.marker = chunk.nextMarker();
			this.exhausted = this.marker == null;
		}
		return this.head;
	}

	/** Takes the head, which {@link #peek()} answered. */
	void consume() {
		this.buffer.removeFirst();
		this.head = null;
	}

	/** Whether it stopped short because no more pages may be read now. */
	boolean stalled() {
		return this.stalled;
	}

	/**
	 * Where a listing that starts with this stream's next item begins:
	 * {@link BaiduListingCursor#END} once it has none.
	 */
	String position() {
		R next = this.buffer.peekFirst();
		if (next != null) {
			return this.idOf.apply(next);
		}
		if (this.exhausted) {
			return BaiduListingCursor.END;
		}
		return (this.marker != null) ? this.marker : BaiduListingCursor.START;
	}

	/**
	 * One page as BCC answered it.
	 *
	 * @param nextMarker where the next page begins; {@code null} after the last
	 */
	record Chunk<R>(List<R> items, @Nullable String nextMarker) {

		Chunk {
			items = List.copyOf(items);
		}

	}

}
