package io.snapgate.sandbox.baidu;

/**
 * The regions of the emulated account, each served under its own path as a provider of
 * its own, as BCC serves each region at its own endpoint.
 */
enum BaiduSandboxRegion {

	/** The account's first region, the one the sandbox has always had. */
	BJ("bj", "sandbox-baidu", "/sandbox/baidu", "cn-bj-a"),

	/** A second region, which {@link #BJ}'s snapshots can be copied to. */
	GZ("gz", "sandbox-baidu-gz", "/sandbox/baidu-gz", "cn-gz-a");

	private final String code;

	private final String providerId;

	private final String basePath;

	private final String zone;

	BaiduSandboxRegion(String code, String providerId, String basePath, String zone) {
		this.code = code;
		this.providerId = providerId;
		this.basePath = basePath;
		this.zone = zone;
	}

	/** The region as BCC names it, such as {@code gz}. */
	String code() {
		return this.code;
	}

	/** The sandbox provider that talks to this region. */
	String providerId() {
		return this.providerId;
	}

	/** The path the region's API is served under, {@code /v2/...} after it. */
	String basePath() {
		return this.basePath;
	}

	/** The one availability zone its resources are in. */
	String zone() {
		return this.zone;
	}

}
