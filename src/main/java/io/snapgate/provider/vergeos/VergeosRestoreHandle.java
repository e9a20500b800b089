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
 * alone:
 * {@code v1.<vm|tenant>.<member key>.<snapshot key>.<started, epoch ms>.<new name, base64url>}.
 */
record VergeosRestoreHandle(MemberType type, String memberKey, String snapshotKey, Instant startedAt,
		@Nullable String newName) {

	private static final String VERSION = "v1";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]*");

	RestoreHandle encode() {
		String name = (this.newName != null)
				? Base64.getUrlEncoder().withoutPadding().encodeToString(this.newName.getBytes(StandardCharsets.UTF_8))
				: "";
		return new RestoreHandle(String.join(".", VERSION, (this.type == MemberType.VM) ? "vm" : "tenant",
				this.memberKey, this.snapshotKey, Long.toString(this.startedAt.toEpochMilli()), name));
	}

	/**
	 * @throws InvalidRequestException with {@link ErrorCode#INVALID_RESTORE_ID} when it
	 * is not a handle this adapter wrote
	 */
	static VergeosRestoreHandle decode(RestoreHandle handle) {
		String[] parts = handle.value().split("\\.", -1);
		if (parts.length != 6 || !VERSION.equals(parts[0]) || !(parts[1].equals("vm") || parts[1].equals("tenant"))
				|| !VergeosLimits.isKey(parts[2]) || !VergeosLimits.isKey(parts[3]) || !parts[4].matches("[0-9]{1,15}")
				|| !NAME.matcher(parts[5]).matches()) {
			throw invalid();
		}
		try {
			String name = parts[5].isEmpty() ? null
					: new String(Base64.getUrlDecoder().decode(parts[5]), StandardCharsets.UTF_8);
			return new VergeosRestoreHandle(parts[1].equals("vm") ? MemberType.VM : MemberType.TENANT, parts[2],
					parts[3], Instant.ofEpochMilli(Long.parseLong(parts[4])), name);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException(ErrorCode.INVALID_RESTORE_ID, "Not a VergeOS restore this gateway started");
	}

}
