package io.snapgate.application;

import java.util.List;

import io.snapgate.domain.Member;
import io.snapgate.domain.Snapshot;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot with its members, when they were asked for.
 */
public record SnapshotView(Snapshot snapshot, @Nullable List<Member> members) {
}
