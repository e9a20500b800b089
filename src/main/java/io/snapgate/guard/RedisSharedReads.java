package io.snapgate.guard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.ScriptOutputType;
import io.snapgate.domain.ProviderId;

/**
 * Read answers kept in Redis, over the replica's one connection to it. Each provider has
 * a generation, {@code snapgate:gen:<provider>}, that every write increments; an answer
 * is kept at {@code snapgate:read:<provider>:<generation>:<key>} for as long as it may be
 * answered, and the replica reading it for everyone holds {@code <that>:lock} meanwhile.
 * A lookup is one round trip, and so is keeping an answer.
 */
public final class RedisSharedReads implements SharedReads {

	/** The generation, then the answer kept, then a claim if there is neither. */
	private static final String LOOKUP = """
			local generation = redis.call('GET', KEYS[1]) or '0'
			local slot = ARGV[1] .. generation .. ':' .. ARGV[2]
			local answer = redis.call('GET', slot)
			if answer then
				return {slot, 'kept', answer}
			end
			if redis.call('SET', slot .. ':lock', ARGV[3], 'NX', 'PX', ARGV[4]) then
				return {slot, 'claimed'}
			end
			return {slot, 'busy'}
			""";

	private static final String KEEP = """
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			if redis.call('GET', KEYS[2]) == ARGV[3] then
				redis.call('DEL', KEYS[2])
			end
			return 1
			""";

	private static final String RELEASE = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				redis.call('DEL', KEYS[1])
			end
			return 1
			""";

	private final RedisConnection redis;

	private final Coordination coordination;

	private final Duration lease;

	/**
	 * @param lease how long a replica's claim to read for everyone holds: the others wait
	 * for its answer that long at most
	 */
	public RedisSharedReads(RedisConnection redis, Coordination coordination, Duration lease) {
		this.redis = redis;
		this.coordination = coordination;
		this.lease = lease;
	}

	@Override
	public Lookup lookup(ProviderId provider, String key, String replica) {
		List<Object> found = this.redis.get()
			.sync()
			.eval(LOOKUP, ScriptOutputType.MULTI, new byte[][] { bytes("snapgate:gen:" + provider) },
					bytes("snapgate:read:" + provider + ":"), bytes(key), bytes(replica),
					bytes(Long.toString(this.lease.toMillis())));
		String slot = text(found.get(0));
		return switch (text(found.get(1))) {
			case "kept" -> new Lookup(slot, (byte[]) found.get(2), false);
			case "claimed" -> new Lookup(slot, null, true);
			default -> new Lookup(slot, null, false);
		};
	}

	@Override
	public void keep(Lookup claimed, byte[] answer, Duration ttl, String replica) {
		this.redis.get()
			.sync()
			.eval(KEEP, ScriptOutputType.INTEGER,
					new byte[][] { bytes(claimed.slot()), bytes(claimed.slot() + ":lock") }, answer,
					bytes(Long.toString(Math.max(1, ttl.toMillis()))), bytes(replica));
	}

	@Override
	public void release(Lookup claimed, String replica) {
		this.redis.get()
			.sync()
			.eval(RELEASE, ScriptOutputType.INTEGER, new byte[][] { bytes(claimed.slot() + ":lock") }, bytes(replica));
	}

	@Override
	public void forget(ProviderId provider) {
		this.redis.get().sync().incr(bytes("snapgate:gen:" + provider));
	}

	@Override
	public Duration lease() {
		return this.lease;
	}

	@Override
	public Coordination coordination() {
		return this.coordination;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Object reply) {
		return new String((byte[]) reply, StandardCharsets.UTF_8);
	}

}
