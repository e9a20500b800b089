package io.snapgate.guard;

import io.snapgate.domain.BudgetSharing;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A budget shared by every replica, with this replica's share to fall back on: never no
 * budget. While the shared store does not answer, the share is spent, and
 * {@link Coordination} says so.
 */
final class CoordinatedPermits implements BudgetPermits {

	private final Supplier<BudgetPermits> shared;

	/** The shared permits once they could be made. */
	private volatile @Nullable BudgetPermits resolved;

	private final BudgetPermits local;

	private final Coordination coordination;

	/**
	 * @param shared the shared permits; may throw when the store cannot be reached
	 */
	CoordinatedPermits(Supplier<BudgetPermits> shared, BudgetPermits local, Coordination coordination) {
		this.shared = shared;
		this.local = local;
		this.coordination = coordination;
	}

	@Override
	public boolean take() {
		return attempt(BudgetPermits::take);
	}

	@Override
	public boolean takeBackground() {
		return attempt(BudgetPermits::takeBackground);
	}

	@Override
	public void count() {
		attempt((permits) -> {
			permits.count();
			return Boolean.TRUE;
		});
	}

	@Override
	public Duration untilRefill() {
		return attempt(BudgetPermits::untilRefill);
	}

	@Override
	public long available() {
		return attempt(BudgetPermits::available);
	}

	@Override
	public BudgetSharing sharing() {
		return this.coordination.isUp() ? BudgetSharing.SHARED : BudgetSharing.FALLBACK;
	}

	@Override
	public String describe() {
		return attempt(BudgetPermits::describe);
	}

	private <T> T attempt(Function<BudgetPermits, T> operation) {
		if (this.coordination.shouldTry()) {
			try {
				T result = operation.apply(sharedPermits());
				this.coordination.succeeded();
				return result;
			}
			catch (RuntimeException ex) {
				this.coordination.failed(ex);
			}
		}
		return operation.apply(this.local);
	}

	private BudgetPermits sharedPermits() {
		BudgetPermits permits = this.resolved;
		if (permits == null) {
			permits = this.shared.get();
			this.resolved = permits;
		}
		return permits;
	}

}
