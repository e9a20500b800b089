package io.snapgate.domain;

import java.util.List;

/**
 * A snapshot with the VMs and tenants it captured (none for a volume snapshot).
 */
public record SnapshotWithMembers(Snapshot snapshot, List<Member> members) {
}
