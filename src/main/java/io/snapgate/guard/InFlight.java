package io.snapgate.guard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Identical reads under way at the same time on this replica: the first one reads, the
 * others wait for its answer or its failure.
 */
final class InFlight {

	private final ConcurrentMap<String, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

	@SuppressWarnings("unchecked")
	<T> T share(String key, Supplier<T> read) {
		CompletableFuture<Object> mine = new CompletableFuture<>();
		CompletableFuture<Object> under = this.running.putIfAbsent(key, mine);
		if (under != null) {
			return (T) joined(under);
		}
		try {
			T answer = read.get();
			mine.complete(answer);
			return answer;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.running.remove(key, mine);
		}
	}

	private static Object joined(CompletableFuture<Object> running) {
		try {
			return running.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
