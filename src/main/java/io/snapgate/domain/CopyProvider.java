package io.snapgate.domain;

import java.util.List;

/**
 * The copy port: a provider's native way of sending a snapshot to another configured
 * provider (another region, another site). The backend moves the data; the gateway keeps
 * nothing. Methods block and throw {@link SnapGateException}s.
 */
public interface CopyProvider {

	ProviderId id();

	/** The providers this one copies to, as configured. */
	List<CopyTarget> targets();

	/**
	 * Whether {@code value} looks like a copy handle this provider issues. Callers check
	 * it once, before any other method here is given it.
	 */
	boolean isValidCopyHandle(CopyHandle handle);

	/**
	 * Starts a copy: its checks pass and the backend took the request. With an
	 * idempotency key, asking again with the same key and request answers the same copy
	 * and starts nothing; the same key with another request is an
	 * {@link IdempotencyKeyReusedException}.
	 */
	Copy copy(CopyCommand command);

	/**
	 * What {@link #copy} would do, from reads alone (what would travel where, what the
	 * backend would refuse); it fails as {@code copy} would.
	 */
	Preview previewCopy(CopyCommand command);

	/** How a copy goes, from the backend's state alone. */
	Copy copyStatus(CopyHandle handle);

	/**
	 * The copies of a snapshot the backend knows of, newest first; empty where it keeps
	 * no link from a snapshot to its copies.
	 * @throws NotFoundException when the snapshot does not exist
	 */
	List<Copy> copiesOf(String snapshotNativeId);

}
