package io.snapgate.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.UpstreamErrorException;
import org.jspecify.annotations.Nullable;

/**
 * Lets one replica of several take a restore's step that all of them find due at once,
 * with nothing shared but a text the upstream keeps (see {@link StepMark}). Each writes
 * its own claim, waits until every claim written at about the same time has landed, and
 * reads the text back: the one whose claim is there takes the step, and the others leave
 * it. Two replicas both take it only if one's claim lands more than the settle time after
 * the other read the text back, which a time limit on each upstream call shorter than
 * that wait rules out in practice.
 */
public final class StepClaim {

	private final Duration settle;

	private final Clock clock;

	/**
	 * @param settle how long to wait before the claim is read back
	 */
	public StepClaim(Duration settle, Clock clock) {
		this.settle = settle;
		this.clock = clock;
	}

	/**
	 * @param read the text as the upstream keeps it now
	 * @param write writes the text back
	 * @return whether this replica holds the claim and must take the step
	 */
	public boolean claim(Supplier<@Nullable String> read, Consumer<String> write) {
		String nonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		write.accept(StepMark.claimed(nonce, this.clock.instant()).onto(read.get()));
		pause();
		StepMark mark = StepMark.in(read.get());
		return mark != null && !mark.sent() && mark.nonce().equals(nonce);
	}

	private void pause() {
		try {
			Thread.sleep(this.settle);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpstreamErrorException(ErrorCode.UPSTREAM_ERROR,
					"Interrupted while claiming a restore's next step; nothing was sent", ex);
		}
	}

}
