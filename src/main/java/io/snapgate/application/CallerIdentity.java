package io.snapgate.application;

/**
 * Who is asking, as the audit log names them: a token's subject or an API key's owner.
 */
@FunctionalInterface
public interface CallerIdentity {

	/** Used where no caller is authenticated (the sandbox). */
	CallerIdentity ANONYMOUS = () -> "anonymous";

	String current();

}
