package io.snapgate.api;

import java.util.List;

import io.snapgate.application.PreviewResult;
import io.snapgate.domain.Preview;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code ?dryRun=true}: what the write would do. Nothing was written.
 */
@Schema(name = "Preview", description = "What the write would do; nothing was written upstream")
// @formatter:off (it would drop the space before the body: a component annotation has an array)
public record PreviewResource(@Schema(example = "true") boolean dryRun,
		@Schema(allowableValues = { "CREATE_SNAPSHOT", "UPDATE_SNAPSHOT", "DELETE_SNAPSHOT", "RESTORE",
				"CREATE_POLICY", "REPLACE_POLICY", "DELETE_POLICY", "ATTACH_TARGETS",
				"DETACH_TARGET", "COPY" }) String operation,
		@Schema(example = "baidu-bj", maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) String provider, List<ActionResource> actions, List<CheckResource> checks,
		List<String> warnings) {
// @formatter:on

	static PreviewResource of(String operation, PreviewResult result) {
		Preview preview = result.preview();
		return new PreviewResource(true, operation, result.provider().value(),
				preview.actions().stream().map(ActionResource::of).toList(),
				preview.checks().stream().map(CheckResource::of).toList(), preview.warnings());
	}

	/**
	 * One thing the write would change.
	 */
	@Schema(name = "PreviewAction")
	// @formatter:off (as above)
	public record ActionResource(Preview.Change change,
			@Schema(allowableValues = { "SNAPSHOT", "VM", "TENANT", "VOLUME", "MACHINE", "POLICY", "PERIOD" }) String kind,
			@Nullable String id, @Nullable String name, @Nullable Long sizeGb, String description) {
	// @formatter:on

		static ActionResource of(Preview.Action action) {
			return new ActionResource(action.change(), action.kind(), action.id(), action.name(), action.sizeGb(),
					action.description());
		}

	}

	/**
	 * A precondition the write checks, and its outcome.
	 */
	@Schema(name = "PreviewCheck")
	public record CheckResource(@Schema(example = "DISK_DETACHED") String name, Preview.Outcome outcome,
			String detail) {

		static CheckResource of(Preview.Check check) {
			return new CheckResource(check.name(), check.outcome(), check.detail());
		}

	}

}
