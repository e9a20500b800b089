package io.snapgate.application;

/**
 * Who is asking: the caller of the request being served.
 */
@FunctionalInterface
public interface CallerIdentity {

	/** Used where no caller is authenticated (the sandbox). */
	CallerIdentity ANONYMOUS = () -> Caller.ANONYMOUS;

	Caller current();

}
