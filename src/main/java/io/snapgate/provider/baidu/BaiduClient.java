package io.snapgate.provider.baidu;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.snapgate.domain.ProviderId;
import io.snapgate.provider.Upstream;
import io.snapgate.provider.UpstreamConnectors;
import io.snapgate.provider.UpstreamExchange;
import io.snapgate.provider.UpstreamJson;
import io.snapgate.provider.UpstreamReply;
import io.snapgate.provider.baidu.BaiduReplies.AspReply;
import io.snapgate.provider.baidu.BaiduReplies.AspVolumesBody;
import io.snapgate.provider.baidu.BaiduReplies.CreateAspBody;
import io.snapgate.provider.baidu.BaiduReplies.CreateInstanceSnapshotBody;
import io.snapgate.provider.baidu.BaiduReplies.CreateSnapshotBody;
import io.snapgate.provider.baidu.BaiduReplies.CreatedAsp;
import io.snapgate.provider.baidu.BaiduReplies.CreatedInstanceSnapshot;
import io.snapgate.provider.baidu.BaiduReplies.DeleteInstanceSnapshotsBody;
import io.snapgate.provider.baidu.BaiduReplies.CreatedSnapshot;
import io.snapgate.provider.baidu.BaiduReplies.InstanceReply;
import io.snapgate.provider.baidu.BaiduReplies.ListInstanceSnapshotsBody;
import io.snapgate.provider.baidu.BaiduReplies.ModifySnapshotBody;
import io.snapgate.provider.baidu.BaiduReplies.RemoteCopyBody;
import io.snapgate.provider.baidu.BaiduReplies.RemoteCopyReply;
import io.snapgate.provider.baidu.BaiduReplies.RemoteCopyResult;
import io.snapgate.provider.baidu.BaiduReplies.RollbackBody;
import io.snapgate.provider.baidu.BaiduReplies.SnapshotReply;
import io.snapgate.provider.baidu.BaiduReplies.UpdateAspBody;
import io.snapgate.provider.baidu.BaiduReplies.VolumeReply;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The BCC calls SnapGate makes, over a signing {@link WebClient}. Each call answers BCC's
 * object or throws a domain error; nothing is retried here except what the signing filter
 * does for an expired signature.
 */
final class BaiduClient {

	static final String JSON_UTF8 = "application/json; charset=utf-8";

	static final String REQUEST_ID_HEADER = "x-bce-request-id";

	static final Upstream UPSTREAM = new Upstream("Baidu", REQUEST_ID_HEADER, JSON_UTF8,
			"is the endpoint's certificate one the JDK trusts?");

	private final UpstreamExchange exchange;

	private final ProviderId provider;

	private final Clock clock;

	BaiduClient(UpstreamExchange exchange, ProviderId provider, Clock clock) {
		this.exchange = exchange;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * @param builder Boot's builder: it carries observation and, in the sandbox, the host
	 * rewrite, which must run before the signature is computed
	 */
	static BaiduClient create(WebClient.Builder builder, BaiduSettings settings, ProviderId provider, Clock clock) {
		WebClient webClient = builder.clone()
			.baseUrl(settings.baseUrl())
			.clientConnector(UpstreamConnectors.create("baidu-" + provider.value(), settings.connectTimeout(),
					settings.readTimeout(), null))
			.filter(new BceSigningFilter(settings.signer(clock)))
			.build();
		return new BaiduClient(
				new UpstreamExchange(webClient, UPSTREAM, settings.connectTimeout().plus(settings.readTimeout())),
				provider, clock);
	}

	BaiduSnapshotListJson listSnapshots(@Nullable String marker, int maxKeys, @Nullable String volumeId) {
		StringBuilder template = new StringBuilder("/v2/snapshot?maxKeys={maxKeys}");
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("maxKeys", maxKeys);
		if (marker != null) {
			template.append("&marker={marker}");
			variables.put("marker", marker);
		}
		if (volumeId != null) {
			template.append("&volumeId={volumeId}");
			variables.put("volumeId", volumeId);
		}
		UpstreamReply reply = send(BaiduOperation.LIST_SNAPSHOTS, HttpMethod.GET, template.toString(), variables, null);
		return expect(BaiduOperation.LIST_SNAPSHOTS, reply, BaiduSnapshotListJson.class, Function.identity());
	}

	Optional<BaiduSnapshotJson> findSnapshot(String snapshotId) {
		return find(BaiduOperation.GET_SNAPSHOT, "/v2/snapshot/{snapshotId}", Map.of("snapshotId", snapshotId),
				SnapshotReply.class, SnapshotReply::snapshot);
	}

	Optional<BaiduVolumeJson> findVolume(String volumeId) {
		return find(BaiduOperation.GET_VOLUME, "/v2/volume/{volumeId}", Map.of("volumeId", volumeId), VolumeReply.class,
				VolumeReply::volume);
	}

	Optional<BaiduInstanceJson> findInstance(String instanceId) {
		return find(BaiduOperation.GET_INSTANCE, "/v2/instance/{instanceId}", Map.of("instanceId", instanceId),
				InstanceReply.class, InstanceReply::instance);
	}

	/**
	 * @param operation what a refusal means: a CDS disk or a system disk
	 * @return the new (or, for a repeated client token, the first) snapshot's id
	 */
	String createSnapshot(String clientToken, CreateSnapshotBody body, BaiduOperation operation) {
		UpstreamReply reply = send(operation, HttpMethod.POST, "/v2/snapshot?clientToken={clientToken}",
				Map.of("clientToken", clientToken), body);
		return expect(operation, reply, CreatedSnapshot.class, CreatedSnapshot::snapshotId);
	}

	void deleteSnapshot(String snapshotId) {
		UpstreamReply reply = send(BaiduOperation.DELETE_SNAPSHOT, HttpMethod.DELETE, "/v2/snapshot/{snapshotId}",
				Map.of("snapshotId", snapshotId), null);
		succeed(BaiduOperation.DELETE_SNAPSHOT, reply);
	}

	/**
	 * Copies a snapshot to other regions; BCC answers the copy's id in each at once.
	 */
	List<RemoteCopyResult> copyToRegions(String snapshotId, String clientToken, RemoteCopyBody body) {
		UpstreamReply reply = send(BaiduOperation.COPY_SNAPSHOT, HttpMethod.PUT,
				"/v2/snapshot/remote_copy/{snapshotId}?clientToken={clientToken}",
				Map.of("snapshotId", snapshotId, "clientToken", clientToken), body);
		return expectFields(BaiduOperation.COPY_SNAPSHOT, reply, RemoteCopyReply.class, RemoteCopyReply::result,
				"result");
	}

	/** Changes what the body names of a snapshot: its name, description or retention. */
	void modifySnapshot(String snapshotId, ModifySnapshotBody body) {
		UpstreamReply reply = send(BaiduOperation.MODIFY_SNAPSHOT, HttpMethod.PUT,
				"/v2/snapshot/{snapshotId}?modifyAttribute", Map.of("snapshotId", snapshotId), body);
		succeed(BaiduOperation.MODIFY_SNAPSHOT, reply);
	}

	/**
	 * @param operation what a refusal means: a CDS disk or a system disk
	 */
	void rollBack(String volumeId, String snapshotId, BaiduOperation operation) {
		UpstreamReply reply = send(operation, HttpMethod.PUT, "/v2/volume/{volumeId}?rollback",
				Map.of("volumeId", volumeId), new RollbackBody(snapshotId));
		succeed(operation, reply);
	}

	/**
	 * @return the group's id and its disks' snapshots' ids, for a repeated client token
	 * the first request's
	 */
	CreatedInstanceSnapshot createInstanceSnapshot(String clientToken, CreateInstanceSnapshotBody body) {
		UpstreamReply reply = send(BaiduOperation.SNAPSHOT_INSTANCE, HttpMethod.POST,
				"/v2/snapshot/insnap/create?clientToken={clientToken}", Map.of("clientToken", clientToken), body);
		return expectFields(BaiduOperation.SNAPSHOT_INSTANCE, reply, CreatedInstanceSnapshot.class, Function.identity(),
				"");
	}

	BaiduInstanceSnapshotListJson listInstanceSnapshots(ListInstanceSnapshotsBody body) {
		UpstreamReply reply = send(BaiduOperation.LIST_INSTANCE_SNAPSHOTS, HttpMethod.POST, "/v2/snapshot/insnap/list",
				Map.of(), body);
		return expectFields(BaiduOperation.LIST_INSTANCE_SNAPSHOTS, reply, BaiduInstanceSnapshotListJson.class,
				Function.identity(), "");
	}

	/** Deletes the groups with their disks' snapshots; BCC finishes on its own. */
	void deleteInstanceSnapshots(List<String> instanceSnapshotIds) {
		UpstreamReply reply = send(BaiduOperation.DELETE_INSTANCE_SNAPSHOT, HttpMethod.POST,
				"/v2/snapshot/insnap/delete", Map.of(), new DeleteInstanceSnapshotsBody(instanceSnapshotIds));
		succeed(BaiduOperation.DELETE_INSTANCE_SNAPSHOT, reply);
	}

	/** One page of the disks attached to an instance, its system disk among them. */
	BaiduVolumeListJson listVolumesOf(String instanceId, @Nullable String marker, int maxKeys) {
		Map<String, Object> variables = pageVariables(marker, maxKeys);
		variables.put("instanceId", instanceId);
		UpstreamReply reply = send(BaiduOperation.LIST_INSTANCE_DISKS, HttpMethod.GET,
				pageTemplate("/v2/volume", marker) + "&instanceId={instanceId}", variables, null);
		return expectFields(BaiduOperation.LIST_INSTANCE_DISKS, reply, BaiduVolumeListJson.class, Function.identity(),
				"");
	}

	/** One page of every disk of the account, system disks included. */
	BaiduVolumeListJson listVolumes(@Nullable String marker, int maxKeys) {
		UpstreamReply reply = send(BaiduOperation.LIST_VOLUMES, HttpMethod.GET, pageTemplate("/v2/volume", marker),
				pageVariables(marker, maxKeys), null);
		return expect(BaiduOperation.LIST_VOLUMES, reply, BaiduVolumeListJson.class, Function.identity());
	}

	BaiduAspListJson listPolicies(@Nullable String marker, int maxKeys) {
		UpstreamReply reply = send(BaiduOperation.LIST_POLICIES, HttpMethod.GET, pageTemplate("/v2/asp", marker),
				pageVariables(marker, maxKeys), null);
		return expectFields(BaiduOperation.LIST_POLICIES, reply, BaiduAspListJson.class, Function.identity(), "");
	}

	Optional<BaiduAspJson> findPolicy(String aspId) {
		UpstreamReply reply = send(BaiduOperation.GET_POLICY, HttpMethod.GET, "/v2/asp/{aspId}", Map.of("aspId", aspId),
				null);
		if (reply.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(expectFields(BaiduOperation.GET_POLICY, reply, AspReply.class, AspReply::autoSnapshotPolicy,
				"autoSnapshotPolicy"));
	}

	/**
	 * @return the new (or, for a repeated client token, the first) policy's id
	 */
	String createPolicy(String clientToken, CreateAspBody body) {
		UpstreamReply reply = send(BaiduOperation.CREATE_POLICY, HttpMethod.POST, "/v2/asp?clientToken={clientToken}",
				Map.of("clientToken", clientToken), body);
		return expectFields(BaiduOperation.CREATE_POLICY, reply, CreatedAsp.class, CreatedAsp::aspId, "aspId");
	}

	/** Sends every field: BCC documents them all as required. */
	void updatePolicy(String clientToken, UpdateAspBody body) {
		UpstreamReply reply = send(BaiduOperation.UPDATE_POLICY, HttpMethod.PUT,
				"/v2/asp/update?clientToken={clientToken}", Map.of("clientToken", clientToken), body);
		succeed(BaiduOperation.UPDATE_POLICY, reply);
	}

	void attachPolicy(String aspId, List<String> volumeIds) {
		UpstreamReply reply = send(BaiduOperation.ATTACH_POLICY, HttpMethod.PUT, "/v2/asp/{aspId}?attach",
				Map.of("aspId", aspId), new AspVolumesBody(volumeIds));
		succeed(BaiduOperation.ATTACH_POLICY, reply);
	}

	void detachPolicy(String aspId, List<String> volumeIds) {
		UpstreamReply reply = send(BaiduOperation.DETACH_POLICY, HttpMethod.PUT, "/v2/asp/{aspId}?detach",
				Map.of("aspId", aspId), new AspVolumesBody(volumeIds));
		succeed(BaiduOperation.DETACH_POLICY, reply);
	}

	/**
	 * @return {@code false} when BCC no longer had it
	 */
	boolean deletePolicy(String aspId) {
		UpstreamReply reply = send(BaiduOperation.DELETE_POLICY, HttpMethod.DELETE, "/v2/asp/{aspId}",
				Map.of("aspId", aspId), null);
		if (reply.status() == 404) {
			return false;
		}
		succeed(BaiduOperation.DELETE_POLICY, reply);
		return true;
	}

	private static String pageTemplate(String path, @Nullable String marker) {
		return path + "?maxKeys={maxKeys}" + ((marker != null) ? "&marker={marker}" : "");
	}

	private static Map<String, Object> pageVariables(@Nullable String marker, int maxKeys) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("maxKeys", maxKeys);
		if (marker != null) {
			variables.put("marker", marker);
		}
		return variables;
	}

	/**
	 * Like {@link #expect}, but a reply that cannot be read names the field that could
	 * not.
	 * @param contentField where {@code content} is found, for the message when it is
	 * missing
	 */
	private <R, T> T expectFields(BaiduOperation operation, UpstreamReply reply, Class<R> replyType,
			Function<R, @Nullable T> content, String contentField) {
		succeed(operation, reply);
		R value;
		try {
			JsonNode tree = UpstreamJson.tree(reply.body());
			if (tree == null) {
				throw BaiduErrors.unreadable(operation, reply.requestId(), "the (empty) body");
			}
			value = UpstreamJson.convert(tree, replyType);
		}
		catch (JacksonException ex) {
			throw BaiduErrors.unreadable(operation, reply.requestId(), fieldOf(ex));
		}
		T result = content.apply(value);
		if (result == null) {
			throw BaiduErrors.unreadable(operation, reply.requestId(), contentField);
		}
		return result;
	}

	/**
	 * Where in the body Jackson gave up, such as
	 * {@code autoSnapshotPolicy.timePoints[0]}.
	 */
	private static String fieldOf(JacksonException ex) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			String name = reference.getPropertyName();
			if (name != null) {
				field.append(field.isEmpty() ? "" : ".").append(name);
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? "the body" : field.toString();
	}

	private <R, T> Optional<T> find(BaiduOperation operation, String template, Map<String, ?> variables,
			Class<R> replyType, Function<R, @Nullable T> content) {
		UpstreamReply reply = send(operation, HttpMethod.GET, template, variables, null);
		if (reply.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(expect(operation, reply, replyType, content));
	}

	private <R, T> T expect(BaiduOperation operation, UpstreamReply reply, Class<R> replyType,
			Function<R, @Nullable T> content) {
		succeed(operation, reply);
		return UpstreamJson.read(reply.body(), replyType)
			.map(content)
			.orElseThrow(() -> BaiduErrors.unreadable(operation, reply.requestId()));
	}

	private void succeed(BaiduOperation operation, UpstreamReply reply) {
		if (!reply.isSuccess()) {
			throw BaiduErrors.refusal(this.provider, operation, reply.status(),
					UpstreamJson.read(reply.body(), BaiduErrorJson.class).orElse(null), reply.requestId(),
					reply.retryAfter(this.clock));
		}
	}

	private UpstreamReply send(BaiduOperation operation, HttpMethod method, String template, Map<String, ?> variables,
			@Nullable Object body) {
		return this.exchange.exchange(method, template, variables, (body != null) ? UpstreamJson.write(body) : null,
				operation.description());
	}

}
