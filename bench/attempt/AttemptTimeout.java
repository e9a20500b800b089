import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import reactor.core.publisher.Mono;

/**
 * What the time limit of one upstream attempt costs, three ways, each attempt an answer
 * completed on another thread as Reactor Netty's event loop completes one:
 * a virtual thread per attempt under Resilience4j's TimeLimiter (the way it was),
 * Reactor's own timeout with one block on the caller's thread, and Resilience4j's
 * Reactor operator with one block. Prints the process CPU and the wall time per attempt.
 */
public class AttemptTimeout {

	static final ExecutorService EVENT_LOOP = Executors.newSingleThreadExecutor();

	static final ExecutorService HOPS = Executors.newVirtualThreadPerTaskExecutor();

	static final Duration LIMIT = Duration.ofSeconds(5);

	static final TimeLimiter LIMITER = TimeLimiter
		.of(TimeLimiterConfig.custom().timeoutDuration(LIMIT).cancelRunningFuture(true).build());

	static Mono<String> upstream() {
		return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> "answer", EVENT_LOOP));
	}

	public static void main(String[] args) throws Exception {
		int attempts = Integer.parseInt(args.length > 0 ? args[0] : "200000");
		var ways = new java.util.LinkedHashMap<String, Supplier<String>>();
		ways.put("thread hop + TimeLimiter", () -> {
			try {
				return LIMITER.executeFutureSupplier(() -> HOPS.submit(() -> upstream().timeout(LIMIT).block()));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		ways.put("Reactor timeout + block", () -> upstream().timeout(LIMIT).block());
		ways.put("Resilience4j TimeLimiterOperator + block",
				() -> upstream().transformDeferred(TimeLimiterOperator.of(LIMITER)).block());
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		for (int round = 0; round < 3; round++) {
			for (var way : ways.entrySet()) {
				Thread caller = Thread.ofVirtual().unstarted(() -> {
					for (int i = 0; i < attempts; i++) {
						way.getValue().get();
					}
				});
				long cpu = os.getProcessCpuTime();
				long wall = System.nanoTime();
				caller.start();
				caller.join();
				double cpuPer = (os.getProcessCpuTime() - cpu) / 1000.0 / attempts;
				double wallPer = (System.nanoTime() - wall) / 1000.0 / attempts;
				if (round > 0) { // the first round warms up
					System.out.printf("round %d  %-42s CPU %6.2f µs  wall %6.2f µs per attempt%n", round, way.getKey(),
							cpuPer, wallPer);
				}
			}
		}
		EVENT_LOOP.shutdown();
		HOPS.shutdown();
		EVENT_LOOP.awaitTermination(1, TimeUnit.SECONDS);
	}

}
