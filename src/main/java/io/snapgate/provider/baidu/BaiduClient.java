package io.snapgate.provider.baidu;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.snapgate.domain.ProviderId;
import io.snapgate.provider.UpstreamConnectors;
import io.snapgate.provider.baidu.BaiduReplies.CreateSnapshotBody;
import io.snapgate.provider.baidu.BaiduReplies.CreatedSnapshot;
import io.snapgate.provider.baidu.BaiduReplies.InstanceReply;
import io.snapgate.provider.baidu.BaiduReplies.RollbackBody;
import io.snapgate.provider.baidu.BaiduReplies.SnapshotReply;
import io.snapgate.provider.baidu.BaiduReplies.VolumeReply;
import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The BCC calls SnapGate makes, over a signing {@link WebClient}. Each call answers BCC's object or
 * throws a domain error; nothing is retried here except what the signing filter does for an expired
 * signature.
 */
final class BaiduClient {

	static final String JSON_UTF8 = "application/json; charset=utf-8";

	static final String REQUEST_ID_HEADER = "x-bce-request-id";

	private static final byte[] EMPTY = new byte[0];

	private final WebClient webClient;

	private final ProviderId provider;

	private final Clock clock;

	BaiduClient(WebClient webClient, ProviderId provider, Clock clock) {
		this.webClient = webClient;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * @param builder Boot's builder: it carries observation and, in the sandbox, the host rewrite,
	 * which must run before the signature is computed
	 */
	static BaiduClient create(WebClient.Builder builder, BaiduSettings settings, ProviderId provider, Clock clock) {
		WebClient webClient = builder.clone()
			.baseUrl(settings.baseUrl())
			.clientConnector(UpstreamConnectors.create("baidu-" + provider.value(), settings.connectTimeout(),
					settings.readTimeout(), null))
			.filter(new BceSigningFilter(settings.signer(clock)))
			.build();
		return new BaiduClient(webClient, provider, clock);
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
		Reply reply = send(BaiduOperation.LIST_SNAPSHOTS, HttpMethod.GET, template.toString(), variables, null);
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
		Reply reply = send(operation, HttpMethod.POST, "/v2/snapshot?clientToken={clientToken}",
				Map.of("clientToken", clientToken), body);
		return expect(operation, reply, CreatedSnapshot.class, CreatedSnapshot::snapshotId);
	}

	void deleteSnapshot(String snapshotId) {
		Reply reply = send(BaiduOperation.DELETE_SNAPSHOT, HttpMethod.DELETE, "/v2/snapshot/{snapshotId}",
				Map.of("snapshotId", snapshotId), null);
		succeed(BaiduOperation.DELETE_SNAPSHOT, reply);
	}

	/**
	 * @param operation what a refusal means: a CDS disk or a system disk
	 */
	void rollBack(String volumeId, String snapshotId, BaiduOperation operation) {
		Reply reply = send(operation, HttpMethod.PUT, "/v2/volume/{volumeId}?rollback", Map.of("volumeId", volumeId),
				new RollbackBody(snapshotId));
		succeed(operation, reply);
	}

	private <R, T> Optional<T> find(BaiduOperation operation, String template, Map<String, ?> variables,
			Class<R> replyType, Function<R, @Nullable T> content) {
		Reply reply = send(operation, HttpMethod.GET, template, variables, null);
		if (reply.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(expect(operation, reply, replyType, content));
	}

	private <R, T> T expect(BaiduOperation operation, Reply reply, Class<R> replyType, Function<R, @Nullable T> content) {
		succeed(operation, reply);
		R parsed = BaiduJson.read(reply.body(), replyType);
		T value = (parsed != null) ? content.apply(parsed) : null;
		if (value == null) {
			throw BaiduErrors.unreadable(operation, reply.requestId());
		}
		return value;
	}

	private void succeed(BaiduOperation operation, Reply reply) {
		if (reply.status() / 100 != 2) {
			throw BaiduErrors.refusal(this.provider, operation, reply.status(),
					BaiduJson.read(reply.body(), BaiduErrorJson.class), reply.requestId(),
					BaiduErrors.retryAfter(reply.retryAfter(), this.clock));
		}
	}

	private Reply send(BaiduOperation operation, HttpMethod method, String template, Map<String, ?> variables,
			@Nullable Object body) {
		WebClient.RequestBodySpec request = this.webClient.method(method).uri(template, variables);
		if (body != null) {
			// serialised here so that its length is known, and signed, before it is sent
			byte[] json = BaiduJson.write(body);
			// raw bytes, a fresh buffer per attempt: an encoder would rewrite the Content-Type after it was signed
			request.header(HttpHeaders.CONTENT_TYPE, JSON_UTF8)
				.contentLength(json.length)
				.body(BodyInserters.fromDataBuffers(Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.wrap(json))));
		}
		Reply reply;
		try {
			reply = request
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(EMPTY)
					.map((bytes) -> new Reply(response.statusCode().value(),
							response.headers().asHttpHeaders().getFirst(REQUEST_ID_HEADER),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), bytes)))
				.block();
		}
		catch (RuntimeException ex) {
			// WebClientRequestException, or an I/O failure while the body was read
			throw BaiduErrors.transport(operation, ex);
		}
		if (reply == null) {
			throw BaiduErrors.unreadable(operation, null);
		}
		return reply;
	}

	private record Reply(int status, @Nullable String requestId, @Nullable String retryAfter, byte[] body) {
	}

}
