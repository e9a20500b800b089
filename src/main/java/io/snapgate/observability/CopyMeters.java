package io.snapgate.observability;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts copies by source and target provider: {@value #STARTED}, {@value #COMPLETED} and
 * {@value #FAILED}. The backends keep the copies and the gateway keeps nothing, so a copy
 * is counted where it is seen: started on the replica that sent it, and completed or
 * failed on each replica that reads it in that state, once per replica (the copies this
 * replica has counted are remembered for {@link #REMEMBERED}, at most
 * {@link #MAX_REMEMBERED} of them). A copy nobody reads to its end is not counted as
 * ended; one read on two replicas is counted on each.
 */
public final class CopyMeters {

	public static final String STARTED = "snapgate.copies.started";

	public static final String COMPLETED = "snapgate.copies.completed";

	public static final String FAILED = "snapgate.copies.failed";

	static final Duration REMEMBERED = Duration.ofDays(7);

	static final long MAX_REMEMBERED = 100_000;

	private final MeterRegistry registry;

	private final Cache<String, Boolean> counted = Caffeine.newBuilder()
		.maximumSize(MAX_REMEMBERED)
		.expireAfterWrite(REMEMBERED)
		.build();

	public CopyMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	/** A copy sent; a keyed repeat of one counted here is not counted again. */
	public void started(String copy, String source, String target) {
		count(STARTED, "Copies the backends took", copy, source, target);
	}

	public void completed(String copy, String source, String target) {
		count(COMPLETED, "Copies seen to reach their target and be usable there", copy, source, target);
	}

	public void failed(String copy, String source, String target) {
		count(FAILED, "Copies seen to fail", copy, source, target);
	}

	private void count(String name, String description, String copy, String source, String target) {
		if (this.counted.asMap().putIfAbsent(name + " " + copy, Boolean.TRUE) != null) {
			return;
		}
		Counter.builder(name)
			.description(description)
			.tag("source", source)
			.tag("target", target)
			.register(this.registry)
			.increment();
	}

}
