package io.snapgate.application;

import java.util.Locale;

import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.SnapshotRef;
import org.jspecify.annotations.Nullable;

/**
 * The public id of a member: {@code <snapshotId>:<vm|tenant>:<nativeId>}, such as
 * {@code vergeos-prod:12:vm:41}.
 */
public final class MemberIds {

	private MemberIds() {
	}

	public static String of(SnapshotRef snapshot, Member member) {
		return of(snapshot, member.type(), member.nativeId());
	}

	public static String of(SnapshotRef snapshot, MemberType type, String nativeId) {
		return prefix(snapshot, type) + nativeId;
	}

	static String prefix(SnapshotRef snapshot, @Nullable MemberType type) {
		return snapshot + ":" + ((type != null) ? type.name().toLowerCase(Locale.ROOT) : "") + ":";
	}

}
