package io.snapgate.domain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Gathers a {@link Preview} as the checks of a write pass.
 */
public final class PreviewBuilder {

	private final List<Preview.Action> actions = new ArrayList<>();

	private final List<Preview.Check> checks = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	public PreviewBuilder passed(String check, String detail) {
		this.checks.add(new Preview.Check(check, Preview.Outcome.PASSED, detail));
		return this;
	}

	public PreviewBuilder unknown(String check, String detail) {
		this.checks.add(new Preview.Check(check, Preview.Outcome.UNKNOWN, detail));
		return this;
	}

	public PreviewBuilder action(Preview.Change change, String kind, @Nullable String id, @Nullable String name,
			@Nullable Long sizeGb, String description) {
		this.actions.add(new Preview.Action(change, kind, id, name, sizeGb, description));
		return this;
	}

	public PreviewBuilder warn(String warning) {
		this.warnings.add(warning);
		return this;
	}

	public Preview build() {
		return new Preview(this.actions, this.checks, this.warnings);
	}

}
