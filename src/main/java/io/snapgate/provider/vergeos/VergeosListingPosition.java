package io.snapgate.provider.vergeos;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Where a listing of VergeOS snapshots stands: how far it has read into the cloud
 * snapshots and into the VM snapshots, each newest first. A cursor is
 * {@code <cloud offset>.<VM snapshot offset>}, the second left out while it is {@code 0},
 * so that a position among cloud snapshots alone reads as it always did (a bare offset).
 *
 * @param cloud how many cloud snapshot rows are behind
 * @param machine how many VM snapshot rows are behind
 */
record VergeosListingPosition(int cloud, int machine) {

	static final VergeosListingPosition START = new VergeosListingPosition(0, 0);

	private static final Pattern CURSOR = Pattern.compile("([0-9]{1,9})(?:\\.([0-9]{1,9}))?");

	static VergeosListingPosition of(@Nullable Cursor cursor) {
		if (cursor == null) {
			return START;
		}
		Matcher matcher = CURSOR.matcher(cursor.value());
		if (!matcher.matches()) {
			throw new InvalidRequestException(ErrorCode.INVALID_PAGE_TOKEN, "Not a position in a VergeOS listing");
		}
		return new VergeosListingPosition(Integer.parseInt(matcher.group(1)),
				(matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 0);
	}

	Cursor cursor() {
		return new Cursor((this.machine == 0) ? Integer.toString(this.cloud) : this.cloud + "." + this.machine);
	}

}
