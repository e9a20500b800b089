package io.snapgate.guard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * Request budgets kept in Redis as Bucket4j token buckets, over the replica's one
 * connection to Redis.
 */
public final class RedisSharedBudgets implements SharedBudgets {

	private static final String KEY_PREFIX = "snapgate:budget:";

	/** How long a full bucket nobody spends from stays in Redis. */
	private static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);

	private final RedisConnection redis;

	private final Coordination coordination;

	private @Nullable ProxyManager<byte[]> buckets;

	public RedisSharedBudgets(RedisConnection redis, Coordination coordination) {
		this.redis = redis;
		this.coordination = coordination;
	}

	@Override
	public Bucket bucket(ProviderId provider, long requests, Duration period) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(requests).refillIntervally(requests, period))
			.build();
		byte[] key = (KEY_PREFIX + provider + ":" + requests + ":" + period.toSeconds())
			.getBytes(StandardCharsets.UTF_8);
		return buckets().builder().build(key, () -> configuration);
	}

	@Override
	public Coordination coordination() {
		return this.coordination;
	}

	private synchronized ProxyManager<byte[]> buckets() {
		ProxyManager<byte[]> manager = this.buckets;
		if (manager == null) {
			manager = Bucket4jLettuce.casBasedBuilder(this.redis.get())
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
				.requestTimeout(this.redis.timeout())
				.build();
			this.buckets = manager;
		}
		return manager;
	}

}
