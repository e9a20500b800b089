package io.snapgate.provider.vergeos;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.RestoreHandle;
import org.jspecify.annotations.Nullable;

/**
 * What a VergeOS restore handle holds, so that its status can be told from the member row
 * (and, under an idempotency key, the {@link VergeosRestoreLedger ledger}) alone. A
 * restore made under an idempotency key has a handle that depends on the request alone,
 * so that a repeat of it, on any replica, answers the same restore id:
 * {@code v3.<vm|tenant>.<member key>.<snapshot key>.<ledger token>.<copy name, base64url>}
 * ({@code v2} without the token, as written before the ledger). Without a key, the handle
 * carries when it was asked for instead:
 * {@code v1.<vm|tenant>.<member key>.<snapshot key>.<started, epoch ms>.<new name, base64url>}.
 *
 * @param startedAt when the restore was asked for; {@code null} for a keyed one, whose
 * start is kept in its ledger entry
 * @param newName the copy's name, when the gateway chose or was given it
 * @param ledgerToken the token of the restore's ledger entry; {@code null} without one
 */
record VergeosRestoreHandle(MemberType type, String memberKey, String snapshotKey, @Nullable Instant startedAt,
		@Nullable String newName, @Nullable String ledgerToken) {

	private static final String UNKEYED = "v1";

	private static final String KEYED = "v2";

	private static final String RECORDED = "v3";

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]*");

	RestoreHandle encode() {
		String name = (this.newName != null)
				? Base64.getUrlEncoder().withoutPadding().encodeToString(this.newName.getBytes(StandardCharsets.UTF_8))
				: "";
		String kind = (this.type == MemberType.VM) ? "vm" : "tenant";
		if (this.ledgerToken != null) {
			return new RestoreHandle(
					String.join(".", RECORDED, kind, this.memberKey, this.snapshotKey, this.ledgerToken, name));
		}
		if (this.startedAt == null) {
			return new RestoreHandle(String.join(".", KEYED, kind, this.memberKey, this.snapshotKey, name));
		}
		return new RestoreHandle(String.join(".", UNKEYED, kind, this.memberKey, this.snapshotKey,
				Long.toString(this.startedAt.toEpochMilli()), name));
	}

	/**
	 * @throws InvalidRequestException with {@link ErrorCode#INVALID_RESTORE_ID} when it
	 * is not a handle this adapter wrote
	 */
	static VergeosRestoreHandle decode(RestoreHandle handle) {
		String[] parts = handle.value().split("\\.", -1);
		boolean keyed = parts.length == 5 && KEYED.equals(parts[0]);
		boolean unkeyed = parts.length == 6 && UNKEYED.equals(parts[0]) && parts[4].matches("[0-9]{1,15}");
		boolean recorded = parts.length == 6 && RECORDED.equals(parts[0]) && TOKEN.matcher(parts[4]).matches();
		if (!(keyed || unkeyed || recorded) || !(parts[1].equals("vm") || parts[1].equals("tenant"))
				|| !VergeosLimits.isKey(parts[2]) || !VergeosLimits.isKey(parts[3])
				|| !NAME.matcher(parts[parts.length - 1]).matches()) {
			throw invalid();
		}
		try {
			String encodedName = parts[parts.length - 1];
			String name = encodedName.isEmpty() ? null
					: new String(Base64.getUrlDecoder().decode(encodedName), StandardCharsets.UTF_8);
			Instant startedAt = unkeyed ? Instant.ofEpochMilli(Long.parseLong(parts[4])) : null;
			return new VergeosRestoreHandle(parts[1].equals("vm") ? MemberType.VM : MemberType.TENANT, parts[2],
					parts[3], startedAt, name, recorded ? parts[4] : null);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID, "Not a VergeOS restore this gateway started");
	}

}
