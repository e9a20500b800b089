package io.snapgate.provider.vergeos;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.snapgate.domain.Page;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotQuery;
import org.jspecify.annotations.Nullable;

/**
 * One page of VergeOS snapshots, cloud and VM snapshots merged newest first, each read
 * from VergeOS newest first with {@code limit}/{@code offset}. Each source is read a page
 * at a time only when the merge needs its next row, so a page costs one read of each
 * source unless filters applied after the fact drop rows; each entry's cursor is the
 * {@link VergeosListingPosition} at which a listing starts with it. Of two snapshots
 * taken in the same second, the cloud snapshot comes first.
 */
final class VergeosMergedPage {

	/**
	 * How many source pages one listing reads at most while filters applied after the
	 * fact drop rows.
	 */
	private static final int MAX_READS = 6;

	private VergeosMergedPage() {
	}

	/**
	 * Reads rows of one source from an offset, newest first; empty for an unusable row.
	 */
	@FunctionalInterface
	interface Source {

		List<Optional<Snapshot>> read(int offset, int limit);

	}

	/**
	 * @param cloud the cloud snapshots; {@code null} when none can match
	 * @param machines the VM snapshots; {@code null} when none can match
	 */
	static Page<Snapshot> read(SnapshotQuery query, Instant now, VergeosListingPosition start, int size,
			@Nullable Source cloud, @Nullable Source machines) {
		Lane clouds = new Lane(cloud, start.cloud());
		Lane vms = new Lane(machines, start.machine());
		List<Page.Entry<Snapshot>> entries = new ArrayList<>();
		int reads = 0;
		while (true) {
			for (Lane lane : List.of(clouds, vms)) {
				if (lane.needsRead()) {
					if (reads == MAX_READS) {
						return new Page<>(entries, position(clouds, vms).cursor());
					}
					lane.read(size);
					reads++;
				}
			}
			Lane next = newest(clouds, vms);
			if (next == null) {
				return Page.last(entries);
			}
			VergeosListingPosition at = position(clouds, vms);
			Optional<Snapshot> taken = next.take();
			if (taken.isPresent() && query.matches(taken.get(), now)) {
				entries.add(new Page.Entry<>(taken.get(), at.cursor()));
				if (entries.size() == size) {
					boolean more = !(clouds.isDone() && vms.isDone());
					return new Page<>(entries, more ? position(clouds, vms).cursor() : null);
				}
			}
		}
	}

	/**
	 * The lane whose next row comes first: an unusable row at once (it is skipped), else
	 * the newer; {@code null} when neither holds a row.
	 */
	private static @Nullable Lane newest(Lane clouds, Lane vms) {
		if (!clouds.hasRow()) {
			return vms.hasRow() ? vms : null;
		}
		if (!vms.hasRow()) {
			return clouds;
		}
		Optional<Snapshot> cloud = clouds.head();
		Optional<Snapshot> vm = vms.head();
		if (cloud.isEmpty()) {
			return clouds;
		}
		if (vm.isEmpty()) {
			return vms;
		}
		return vm.get().createdAt().isAfter(cloud.get().createdAt()) ? vms : clouds;
	}

	private static VergeosListingPosition position(Lane clouds, Lane vms) {
		return new VergeosListingPosition(clouds.offset, vms.offset);
	}

	/** One source with what it read and has not yet handed on. */
	private static final class Lane {

		private final @Nullable Source source;

		private final Deque<Optional<Snapshot>> buffered = new ArrayDeque<>();

		private int offset;

		private boolean exhausted;

		Lane(@Nullable Source source, int offset) {
			this.source = source;
			this.offset = offset;
			this.exhausted = source == null;
		}

		boolean needsRead() {
			return this.buffered.isEmpty() && !this.exhausted;
		}

		void read(int size) {
			Source from = this.source;
			List<Optional<Snapshot>> rows = (from != null) ? from.read(this.offset, size) : List.of();
			this.buffered.addAll(rows);
			this.exhausted = rows.size() < size;
		}

		boolean hasRow() {
			return !this.buffered.isEmpty();
		}

		/** The next row, which {@link #hasRow()} says is buffered. */
		Optional<Snapshot> head() {
			return this.buffered.getFirst();
		}

		Optional<Snapshot> take() {
			this.offset++;
			return this.buffered.removeFirst();
		}

		boolean isDone() {
			return this.buffered.isEmpty() && this.exhausted;
		}

	}

}
