package io.snapgate.application;

/**
 * Who is asking, as the audit log names them, and what their grants let them reach.
 *
 * @param name {@code jwt:<subject>}, {@code apikey:<owner>} or {@code anonymous}
 * @param tenant who answers for the caller: the key's owner, or the token's subject at
 * its issuer ({@code <subject>@<issuer>})
 * @param grants the providers each of its scopes reaches
 */
public record Caller(String name, String tenant, ProviderGrants grants) {

	/** No caller is authenticated, and none needs to be (the sandbox). */
	public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous", ProviderGrants.UNRESTRICTED);

}
