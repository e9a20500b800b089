package io.snapgate.provider.vergeos;

/**
 * The native ids of VM snapshots: {@code m<key>}. Cloud snapshot keys and VM snapshot
 * keys are both integers of tables of their own, so a VM snapshot's key alone could name
 * a cloud snapshot too; its id tells which it is.
 */
final class VergeosMachineSnapshotIds {

	private static final String PREFIX = "m";

	private VergeosMachineSnapshotIds() {
	}

	static boolean isId(String nativeId) {
		return nativeId.startsWith(PREFIX) && VergeosLimits.isKey(nativeId.substring(PREFIX.length()));
	}

	static String of(String key) {
		return PREFIX + key;
	}

	/** The row key of a VM snapshot's id; the id is checked with {@link #isId}. */
	static String keyOf(String nativeId) {
		return nativeId.substring(PREFIX.length());
	}

}
