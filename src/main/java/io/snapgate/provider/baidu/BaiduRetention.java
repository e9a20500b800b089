package io.snapgate.provider.baidu;

import java.time.Duration;
import java.time.Instant;

import io.snapgate.domain.InvalidRequestException;

/**
 * A snapshot's retention as BCC takes it ({@code retentionInDays}): 1 to 10,000 whole
 * days. Anything else is refused, never rounded; without one, BCC keeps a snapshot until
 * it is deleted.
 */
final class BaiduRetention {

	static final Duration DAY = Duration.ofDays(1);

	static final int MAX_DAYS = 10_000;

	private BaiduRetention() {
	}

	/**
	 * @param field the request field the retention came in, for the refusal
	 * @throws InvalidRequestException naming the field when BCC cannot keep a snapshot
	 * that long
	 */
	static int days(String field, Duration retention) {
		if (!retention.isPositive() || !retention.equals(DAY.multipliedBy(retention.dividedBy(DAY)))
				|| retention.dividedBy(DAY) > MAX_DAYS) {
			throw InvalidRequestException.unsupported(field,
					"Baidu keeps a snapshot for 1 to " + MAX_DAYS + " whole days; " + retention + " is not that");
		}
		return (int) retention.dividedBy(DAY);
	}

	/** When a snapshot taken at {@code start} and kept {@code days} days expires. */
	static Instant expiry(Instant start, int days) {
		return start.plus(DAY.multipliedBy(days));
	}

}
