package io.snapgate.provider.vergeos;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.RestoreHandle;
import org.jspecify.annotations.Nullable;

/**
 * What the handle of a restore of a VM snapshot holds, so that any replica can tell how
 * it goes from VergeOS alone:
 * {@code m1.<clone|revert>.<snapshot key>.<VM key>.<ledger token | started, epoch ms>.<extra>},
 * where the extra is the new VM's name (base64url) for a clone; for a revert, {@code n}
 * without a safety snapshot, {@code s} with one, followed by its key once it is known. A
 * keyed restore's handle depends on the request alone, so that a repeat of it answers the
 * same restore id; its safety snapshot is found by its name (see
 * {@link VergeosMachineRestores}).
 *
 * @param revert whether the VM is reverted in place, rather than cloned
 * @param vmKey the VM acted on: the snapshot's own VM for a clone, the VM reverted for a
 * revert
 * @param startedAt when an unkeyed restore was asked for; {@code null} for a keyed one
 * @param ledgerToken the token of a keyed restore's ledger entry
 * @param newName the new VM's name, for a clone
 * @param safety whether a revert takes a safety snapshot of the VM first
 * @param safetyKey the safety snapshot's key, for an unkeyed revert that took one
 */
record VergeosMachineRestoreHandle(boolean revert, String snapshotKey, String vmKey, @Nullable Instant startedAt,
		@Nullable String ledgerToken, @Nullable String newName, boolean safety, @Nullable String safetyKey) {

	static final String PREFIX = "m1.";

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]*");

	static boolean isMachine(RestoreHandle handle) {
		return handle.value().startsWith(PREFIX);
	}

	RestoreHandle encode() {
		String reference = (this.ledgerToken != null) ? this.ledgerToken
				: Long.toString((this.startedAt != null) ? this.startedAt.toEpochMilli() : 0);
		String extra;
		if (this.revert) {
			extra = !this.safety ? "n" : "s" + ((this.safetyKey != null) ? this.safetyKey : "");
		}
		else {
			extra = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(String.valueOf(this.newName).getBytes(StandardCharsets.UTF_8));
		}
		return new RestoreHandle(PREFIX
				+ String.join(".", this.revert ? "revert" : "clone", this.snapshotKey, this.vmKey, reference, extra));
	}

	/**
	 * @throws InvalidRequestException with {@link ErrorCode#INVALID_RESTORE_ID} when it
	 * is not a handle this adapter wrote
	 */
	static VergeosMachineRestoreHandle decode(RestoreHandle handle) {
		String[] parts = handle.value().split("\\.", -1);
		if (parts.length != 6 || !PREFIX.equals(parts[0] + ".") || !VergeosLimits.isKey(parts[2])
				|| !VergeosLimits.isKey(parts[3])) {
			throw invalid();
		}
		boolean revert = parts[1].equals("revert");
		if (!revert && !parts[1].equals("clone")) {
			throw invalid();
		}
		boolean keyed = TOKEN.matcher(parts[4]).matches();
		if (!keyed && !parts[4].matches("[0-9]{1,15}")) {
			throw invalid();
		}
		Instant startedAt = keyed ? null : Instant.ofEpochMilli(Long.parseLong(parts[4]));
		String token = keyed ? parts[4] : null;
		if (revert) {
			if (!parts[5].matches("n|s([0-9]{1,15})?")) {
				throw invalid();
			}
			String safetyKey = (parts[5].length() > 1) ? parts[5].substring(1) : null;
			return new VergeosMachineRestoreHandle(true, parts[2], parts[3], startedAt, token, null,
					parts[5].startsWith("s"), safetyKey);
		}
		if (parts[5].isEmpty() || !NAME.matcher(parts[5]).matches()) {
			throw invalid();
		}
		try {
			String name = new String(Base64.getUrlDecoder().decode(parts[5]), StandardCharsets.UTF_8);
			return new VergeosMachineRestoreHandle(false, parts[2], parts[3], startedAt, token, name, false, null);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	String nativeSnapshotId() {
		return VergeosMachineSnapshotIds.of(this.snapshotKey);
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID, "Not a VergeOS restore this gateway started");
	}

}
