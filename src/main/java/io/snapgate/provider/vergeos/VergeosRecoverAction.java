package io.snapgate.provider.vergeos;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST cloud_snapshot_vm_actions} or
 * {@code cloud_snapshot_tenant_actions}:
 * {@code {"action":"recover","params":{"rows":[100],"name":"web-01-restored"}}}.
 * Recovering makes a new VM or tenant; without a name, VergeOS names the copy itself.
 */
record VergeosRecoverAction(String action, Params params) {

	static VergeosRecoverAction recover(long memberKey, @Nullable String name) {
		return new VergeosRecoverAction("recover", new Params(List.of(memberKey), name));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Params(List<Long> rows, @Nullable String name) {
	}

}
