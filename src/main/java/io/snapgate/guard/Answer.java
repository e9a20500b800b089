package io.snapgate.guard;

import java.util.List;
import java.util.Optional;

import io.snapgate.domain.Copy;
import io.snapgate.domain.Member;
import io.snapgate.domain.Page;
import io.snapgate.domain.Policy;
import io.snapgate.domain.ProviderHealth;
import io.snapgate.domain.Restore;
import io.snapgate.domain.Snapshot;
import io.snapgate.domain.SnapshotWithMembers;
import tools.jackson.core.type.TypeReference;

/**
 * What a read answers, exactly enough to write the answer down and read it back: the type
 * the other replicas decode an answer kept in Redis as. One constant per kind of answer a
 * provider's reads give; nothing else is decoded.
 *
 * @param <T> the answer's type
 */
final class Answer<T> {

	static final Answer<Page<Snapshot>> SNAPSHOT_PAGE = new Answer<>("snapshot page", new TypeReference<>() {
	});

	static final Answer<Optional<Snapshot>> SNAPSHOT = new Answer<>("snapshot", new TypeReference<>() {
	});

	static final Answer<Optional<SnapshotWithMembers>> SNAPSHOT_WITH_MEMBERS = new Answer<>("snapshot with members",
			new TypeReference<>() {
			});

	static final Answer<List<Member>> MEMBERS = new Answer<>("members", new TypeReference<>() {
	});

	static final Answer<Restore> RESTORE = new Answer<>("restore", new TypeReference<>() {
	});

	static final Answer<ProviderHealth> HEALTH = new Answer<>("health", new TypeReference<>() {
	});

	static final Answer<Page<Policy>> POLICY_PAGE = new Answer<>("policy page", new TypeReference<>() {
	});

	static final Answer<Optional<Policy>> POLICY = new Answer<>("policy", new TypeReference<>() {
	});

	static final Answer<Copy> COPY = new Answer<>("copy", new TypeReference<>() {
	});

	static final Answer<List<Copy>> COPIES = new Answer<>("copies", new TypeReference<>() {
	});

	private final String name;

	private final TypeReference<T> type;

	Answer(String name, TypeReference<T> type) {
		this.name = name;
		this.type = type;
	}

	TypeReference<T> type() {
		return this.type;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
