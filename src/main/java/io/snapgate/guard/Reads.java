package io.snapgate.guard;

import java.util.function.Supplier;

/**
 * The reads of one provider: identical ones under way share one upstream call, and an
 * answer is kept a short while; a write forgets every answer kept.
 */
interface Reads {

	/**
	 * The answer to a read, from an identical read under way or kept, or else from
	 * {@code load}.
	 * @param key what makes two reads the same
	 * @param kind what the read answers
	 */
	<T> T read(String key, Answer<T> kind, Supplier<T> load);

	/** After a write: nothing read before it is answered again. */
	void forget();

}
