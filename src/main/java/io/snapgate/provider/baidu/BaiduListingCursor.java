package io.snapgate.provider.baidu;

import io.snapgate.domain.Cursor;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.InvalidRequestException;

/**
 * Where a Baidu listing stands in BCC's two listings, its disk snapshots' and its
 * instance snapshots', each a marker BCC resumes at, {@value #START} for the beginning or
 * {@value #END} once done. A listing of disk snapshots alone keeps the plain marker it
 * always had; one that takes instance snapshots too is {@code m.<disks>.<groups>}.
 *
 * @param disks where the disk snapshots resume
 * @param groups where the instance snapshots resume
 */
record BaiduListingCursor(String disks, String groups) {

	static final String START = "^";

	static final String END = "~";

	static final BaiduListingCursor BEGINNING = new BaiduListingCursor(START, START);

	private static final String MERGED = "m";

	/**
	 * @param withGroups whether the listing takes instance snapshots
	 * @throws InvalidRequestException with {@code INVALID_PAGE_TOKEN} for a cursor that
	 * is no position in such a listing
	 */
	static BaiduListingCursor parse(Cursor cursor, boolean withGroups) {
		String value = cursor.value();
		if (BaiduIds.isSnapshotId(value)) {
			// a disk listing's plain marker, also from before instance snapshots were
			// listed
			return new BaiduListingCursor(value, END);
		}
		String[] parts = value.split("\\.", -1);
		if (!withGroups || parts.length != 3 || !parts[0].equals(MERGED)
				|| !(isMark(parts[1]) || BaiduIds.isSnapshotId(parts[1]))
				|| !(isMark(parts[2]) || BaiduIds.isInstanceSnapshotId(parts[2]))) {
			throw new InvalidRequestException(ErrorCode.INVALID_PAGE_TOKEN, "Not a position in a Baidu listing");
		}
		return new BaiduListingCursor(parts[1], parts[2]);
	}

	private static boolean isMark(String part) {
		return part.equals(START) || part.equals(END);
	}

	boolean isEnd() {
		return this.disks.equals(END) && this.groups.equals(END);
	}

	/**
	 * @param withGroups whether the listing takes instance snapshots
	 */
	Cursor toCursor(boolean withGroups) {
		return new Cursor(withGroups ? String.join(".", MERGED, this.disks, this.groups) : this.disks);
	}

}
