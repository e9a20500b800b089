package io.snapgate.provider.baidu;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.snapgate.domain.ProviderId;
import io.snapgate.provider.Upstream;
import io.snapgate.provider.UpstreamConnectors;
import io.snapgate.provider.UpstreamExchange;
import io.snapgate.provider.UpstreamJson;
import io.snapgate.provider.UpstreamReply;
import io.snapgate.provider.baidu.BaiduReplies.CreateSnapshotBody;
import io.snapgate.provider.baidu.BaiduReplies.CreatedSnapshot;
import io.snapgate.provider.baidu.BaiduReplies.InstanceReply;
import io.snapgate.provider.baidu.BaiduReplies.RollbackBody;
import io.snapgate.provider.baidu.BaiduReplies.SnapshotReply;
import io.snapgate.provider.baidu.BaiduReplies.VolumeReply;
import org.jspecify.annotations.Nullable;

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
	 * @param operation what a refusal means: a CDS disk or a system disk
	 */
	void rollBack(String volumeId, String snapshotId, BaiduOperation operation) {
		UpstreamReply reply = send(operation, HttpMethod.PUT, "/v2/volume/{volumeId}?rollback",
				Map.of("volumeId", volumeId), new RollbackBody(snapshotId));
		succeed(operation, reply);
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
