package io.snapgate.domain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a write would do, told before anything is done: built from upstream reads alone. A
 * check that fails is not in here: the preview then fails with the problem the write
 * would meet.
 *
 * @param actions what would be created, overwritten or deleted
 * @param checks the preconditions looked at, with their outcomes
 * @param warnings what a person should read before going on
 */
public record Preview(List<Action> actions, List<Check> checks, List<String> warnings) {

	public Preview {
		actions = List.copyOf(actions);
		checks = List.copyOf(checks);
		warnings = List.copyOf(warnings);
	}

	/** This preview, with the gateway's own checks ahead of the provider's. */
	public Preview afterChecks(List<Check> earlier) {
		List<Check> all = new ArrayList<>(earlier);
		all.addAll(this.checks);
		return new Preview(this.actions, all, this.warnings);
	}

	/**
	 * One thing the write would change.
	 *
	 * @param change what would happen to it
	 * @param kind what it is: {@code SNAPSHOT}, {@code VM}, {@code TENANT},
	 * {@code VOLUME}, {@code MACHINE}, {@code POLICY}, {@code PERIOD}
	 * @param id its id, where it has one already (a snapshot's as the API shows it)
	 * @param name its name, where known
	 * @param sizeGb its size, where known
	 * @param description a sentence for a person
	 */
	public record Action(Change change, String kind, @Nullable String id, @Nullable String name, @Nullable Long sizeGb,
			String description) {
	}

	public enum Change {

		CREATE, OVERWRITE, DELETE, ATTACH, DETACH,
		/** It stays, with some of its attributes changed. */
		UPDATE, NONE

	}

	/**
	 * A precondition and what became of it.
	 *
	 * @param name a stable name, such as {@code DISK_DETACHED}
	 * @param outcome whether it holds, or cannot be told before the write
	 * @param detail what was seen
	 */
	public record Check(String name, Outcome outcome, String detail) {
	}

	public enum Outcome {

		/** It holds. */
		PASSED,
		/** It cannot be told from reads; the write finds out. */
		UNKNOWN

	}

}
