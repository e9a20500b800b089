package io.snapgate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /snapshots}. Fields the chosen provider cannot honour are
 * refused by name.
 */
@Schema(name = "CreateSnapshotRequest")
public record CreateSnapshotRequest(
		@Schema(example = "vergeos-prod", requiredMode = Schema.RequiredMode.REQUIRED,
				maxLength = Patterns.PROVIDER_ID_MAX_LENGTH) @NotBlank @Pattern(regexp = Patterns.PROVIDER_ID,
						message = "must be a configured provider id") @Nullable String provider,
		@Schema(example = "pre_upgrade", requiredMode = Schema.RequiredMode.REQUIRED,
				description = "1-128 printable characters; some providers are stricter (Baidu: 1-65 letters, digits, underscores)") @NotBlank @Size(
						max = 128) @Pattern(regexp = Patterns.PRINTABLE,
								message = "must not contain control characters") @Nullable String name,
		@Schema(example = "before upgrade") @Size(max = 1024) @Pattern(regexp = Patterns.PRINTABLE_MULTILINE,
				message = "must not contain control characters") @Nullable String description,
		@Schema(description = "A snapshot of one disk: the disk (an instance id i-... for a system disk)",
				example = "v-x1", maxLength = Patterns.UPSTREAM_ID_MAX_LENGTH) @Pattern(regexp = Patterns.UPSTREAM_ID,
						message = "must be 1-64 letters, digits, '-' or '_'") @Nullable String volumeId,
		@Schema(description = "Providers with the RETENTION capability: how long to keep the snapshot (ISO-8601), "
				+ "a whole number of the provider's snapshots.retentionUnit in /providers (Baidu: 1-10000 whole days; "
				+ "never rounded). Without it, the provider's default: VergeOS its default-retention, Baidu until "
				+ "deleted", example = "P7D", type = "string") @Pattern(regexp = Patterns.ISO_DURATION,
						message = "must be an ISO-8601 duration such as P7D or PT12H") @Nullable String retention,
		@Schema(description = "Providers with the RETENTION capability: keep until deleted (on Baidu, what a "
				+ "snapshot without retention gets anyway)") @Nullable Boolean neverExpire,
		@Schema(description = "SYSTEM providers: lock against deletion") @Nullable Boolean immutable,
		@JsonProperty("private") @Schema(
				description = "SYSTEM providers: hide from tenants") @Nullable Boolean privateSnapshot,
		@Schema(description = "A snapshot of one machine with all its disks: the VM's name or key, or the instance id",
				example = "web-01") @Size(max = 128) @Pattern(regexp = Patterns.PRINTABLE,
						message = "must not contain control characters") @Nullable String machine,
		@Schema(description = "A machine snapshot: ask the guest agent to flush its disks first") @Nullable Boolean quiesce) {
}
