package io.snapgate.provider;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What an upstream's configured address may be, the same for every adapter: credentials
 * travel to it.
 */
public final class UpstreamUrls {

	private UpstreamUrls() {
	}

	/**
	 * Whether {@code url} is an absolute {@code https://} URL without user info, query or
	 * fragment; plain {@code http://} only for loopback addresses and hosts under the
	 * reserved {@code .invalid} domain (the embedded sandbox). {@code null} passes: being
	 * required is checked elsewhere.
	 */
	public static boolean isAcceptable(@Nullable URI url) {
		if (url == null) {
			return true;
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = url.getHost();
		if (host == null || host.isEmpty() || url.getRawUserInfo() != null || url.getRawQuery() != null
				|| url.getRawFragment() != null) {
			return false;
		}
		return scheme.equals("https") || (scheme.equals("http") && isLocal(host));
	}

	private static boolean isLocal(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".invalid")) {
			return true;
		}
		if (!name.matches("[0-9.]+|\\[[0-9a-f:.]+\\]")) {
			// only literal addresses: a name is never resolved to decide this
			return false;
		}
		try {
			return InetAddress.getByName(name.replace("[", "").replace("]", "")).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
