package io.snapgate.guard;

import java.time.Duration;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;

/**
 * The one Lettuce connection to Redis that a replica's shared budgets and shared reads go
 * through: opened when first needed (and tried again on the next call when it cannot be),
 * each request on it bounded by a time limit, so that a Redis that does not answer costs
 * a call that long at most.
 */
public final class RedisConnection implements AutoCloseable {

	private final Supplier<RedisClient> client;

	private final Duration timeout;

	private @Nullable StatefulRedisConnection<byte[], byte[]> connection;

	/**
	 * @param client Lettuce's client, configured the Spring Boot way
	 * @param timeout how long one request to Redis may take
	 */
	public RedisConnection(Supplier<RedisClient> client, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
	}

	/**
	 * The connection, opened if it is not yet.
	 * @throws RuntimeException when Redis cannot be reached
	 */
	synchronized StatefulRedisConnection<byte[], byte[]> get() {
		StatefulRedisConnection<byte[], byte[]> opened = this.connection;
		if (opened == null) {
			opened = this.client.get().connect(ByteArrayCodec.INSTANCE);
			opened.setTimeout(this.timeout);
			this.connection = opened;
		}
		return opened;
	}

	/** How long one request may take. */
	Duration timeout() {
		return this.timeout;
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
