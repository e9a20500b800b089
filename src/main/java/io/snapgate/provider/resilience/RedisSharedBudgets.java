package io.snapgate.provider.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.snapgate.domain.ProviderId;
import org.jspecify.annotations.Nullable;

/**
 * Request budgets kept in Redis as Bucket4j token buckets, over one Lettuce connection
 * opened when first needed (and tried again on the next call when it cannot be), each
 * request to Redis bounded by a time limit so that a Redis that does not answer costs a
 * call that long at most.
 */
public final class RedisSharedBudgets implements SharedBudgets, AutoCloseable {

	private static final String KEY_PREFIX = "snapgate:budget:";

	/** How long a full bucket nobody spends from stays in Redis. */
	private static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);

	private final Supplier<RedisClient> client;

	private final Duration timeout;

	private final BudgetCoordination coordination;

	private @Nullable StatefulRedisConnection<byte[], byte[]> connection;

	private @Nullable ProxyManager<byte[]> buckets;

	/**
	 * @param client Lettuce's client, configured the Spring Boot way
	 * @param timeout how long one request to Redis may take
	 */
	public RedisSharedBudgets(Supplier<RedisClient> client, Duration timeout, BudgetCoordination coordination) {
		this.client = client;
		this.timeout = timeout;
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
	public BudgetCoordination coordination() {
		return this.coordination;
	}

	private synchronized ProxyManager<byte[]> buckets() {
		ProxyManager<byte[]> manager = this.buckets;
		if (manager == null) {
			StatefulRedisConnection<byte[], byte[]> opened = this.client.get().connect(ByteArrayCodec.INSTANCE);
			opened.setTimeout(this.timeout);
			this.connection = opened;
			manager = Bucket4jLettuce.casBasedBuilder(opened)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
				.requestTimeout(this.timeout)
				.build();
			this.buckets = manager;
		}
		return manager;
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
