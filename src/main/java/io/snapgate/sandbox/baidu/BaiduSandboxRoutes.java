package io.snapgate.sandbox.baidu;

import java.io.IOException;
import java.util.UUID;

import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspReply;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.AspVolumesRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateInstanceSnapshotRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.CreatedAsp;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.Created;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.DeleteInstanceSnapshotsRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.InstanceReply;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.ListInstanceSnapshotsRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.ModifyRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyReply;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RemoteCopyRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.RollbackRequest;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.SnapshotReply;
import io.snapgate.sandbox.baidu.BaiduSandboxJson.VolumeReply;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * BCC's HTTP API over one region of the emulator, as functional routes (declared by the
 * sandbox configuration, so that no controller of the emulator joins the API's web
 * slices). Every request's signature is checked first; answers and refusals carry
 * {@code x-bce-request-id}, refusals BCC's error body.
 */
final class BaiduSandboxRoutes {

	private static final String REQUEST_ID = "x-bce-request-id";

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final String basePath;

	private final BaiduSandboxState state;

	private final BceSignatureVerifier verifier;

	/**
	 * @param basePath the path the region is served under
	 * @param state the region's state
	 */
	BaiduSandboxRoutes(String basePath, BaiduSandboxState state, BceSignatureVerifier verifier) {
		this.basePath = basePath;
		this.state = state;
		this.verifier = verifier;
	}

	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.path(this.basePath + "/v2",
					(v2) -> v2.GET("/snapshot", this::list)
						.GET("/snapshot/{snapshotId}", this::snapshot)
						.POST("/snapshot", this::create)
						.POST("/snapshot/insnap/create", this::createInstanceSnapshot)
						.POST("/snapshot/insnap/list", this::instanceSnapshots)
						.POST("/snapshot/insnap/delete", this::deleteInstanceSnapshots)
						.DELETE("/snapshot/{snapshotId}", this::delete)
						.PUT("/snapshot/remote_copy/{snapshotId}", this::remoteCopy)
						.PUT("/snapshot/{snapshotId}", RequestPredicates.param("modifyAttribute", (value) -> true),
								this::modify)
						.PUT("/volume/{volumeId}", RequestPredicates.param("rollback", (value) -> true), this::rollBack)
						.GET("/volume", this::volumes)
						.GET("/volume/{volumeId}", this::volume)
						.GET("/instance/{instanceId}", this::instance)
						.GET("/asp", this::policies)
						.GET("/asp/{aspId}", this::policy)
						.POST("/asp", this::createPolicy)
						.PUT("/asp/update", this::updatePolicy)
						.PUT("/asp/{aspId}", RequestPredicates.param("attach", (value) -> true), this::attach)
						.PUT("/asp/{aspId}", RequestPredicates.param("detach", (value) -> true), this::detach)
						.DELETE("/asp/{aspId}", this::deletePolicy))
			.filter((request, next) -> {
				try {
					this.verifier.verify(request.servletRequest());
					return next.handle(request);
				}
				catch (BaiduSandboxException ex) {
					return refused(ex);
				}
			})
			.build();
	}

	private ServerResponse list(ServerRequest request) {
		return ok(this.state.list(request.param("marker").orElse(null), request.param("maxKeys").orElse(null),
				request.param("volumeId").orElse(null)));
	}

	private ServerResponse snapshot(ServerRequest request) {
		return ok(new SnapshotReply(this.state.snapshot(request.pathVariable("snapshotId"))));
	}

	private ServerResponse create(ServerRequest request) throws IOException {
		CreateRequest body = read(request, CreateRequest.class);
		return ok(new Created(this.state.create(request.param("clientToken").orElse(null), body)));
	}

	private ServerResponse createInstanceSnapshot(ServerRequest request) throws IOException {
		CreateInstanceSnapshotRequest body = read(request, CreateInstanceSnapshotRequest.class);
		return ok(this.state.createInstanceSnapshot(request.param("clientToken").orElse(null), body));
	}

	private ServerResponse instanceSnapshots(ServerRequest request) throws IOException {
		return ok(this.state.instanceSnapshots(read(request, ListInstanceSnapshotsRequest.class)));
	}

	private ServerResponse deleteInstanceSnapshots(ServerRequest request) throws IOException {
		this.state.deleteInstanceSnapshots(read(request, DeleteInstanceSnapshotsRequest.class));
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private ServerResponse modify(ServerRequest request) throws IOException {
		ModifyRequest body = read(request, ModifyRequest.class);
		this.state.modify(request.pathVariable("snapshotId"), body);
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private ServerResponse delete(ServerRequest request) {
		this.state.delete(request.pathVariable("snapshotId"));
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private ServerResponse remoteCopy(ServerRequest request) throws IOException {
		RemoteCopyRequest body = read(request, RemoteCopyRequest.class);
		return ok(new RemoteCopyReply(this.state.remoteCopy(request.pathVariable("snapshotId"),
				request.param("clientToken").orElse(null), body)));
	}

	private ServerResponse rollBack(ServerRequest request) throws IOException {
		RollbackRequest body = read(request, RollbackRequest.class);
		this.state.rollBack(request.pathVariable("volumeId"), body.snapshotId());
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private ServerResponse volume(ServerRequest request) {
		return ok(new VolumeReply(this.state.volume(request.pathVariable("volumeId"))));
	}

	private ServerResponse instance(ServerRequest request) {
		return ok(new InstanceReply(this.state.instance(request.pathVariable("instanceId"))));
	}

	private ServerResponse volumes(ServerRequest request) {
		return ok(this.state.volumes(request.param("marker").orElse(null), request.param("maxKeys").orElse(null),
				request.param("instanceId").orElse(null)));
	}

	private ServerResponse policies(ServerRequest request) {
		return ok(this.state.policies(request.param("marker").orElse(null), request.param("maxKeys").orElse(null)));
	}

	private ServerResponse policy(ServerRequest request) {
		return ok(new AspReply(this.state.policy(request.pathVariable("aspId"))));
	}

	private ServerResponse createPolicy(ServerRequest request) throws IOException {
		AspRequest body = read(request, AspRequest.class);
		return ok(new CreatedAsp(this.state.createPolicy(request.param("clientToken").orElse(null), body)));
	}

	private ServerResponse updatePolicy(ServerRequest request) throws IOException {
		AspRequest body = read(request, AspRequest.class);
		this.state.updatePolicy(request.param("clientToken").orElse(null), body);
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private ServerResponse attach(ServerRequest request) throws IOException {
		AspVolumesRequest body = read(request, AspVolumesRequest.class);
		this.state.attachPolicy(request.pathVariable("aspId"), body.volumeIds());
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private ServerResponse detach(ServerRequest request) throws IOException {
		AspVolumesRequest body = read(request, AspVolumesRequest.class);
		this.state.detachPolicy(request.pathVariable("aspId"), body.volumeIds());
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private ServerResponse deletePolicy(ServerRequest request) {
		this.state.deletePolicy(request.pathVariable("aspId"));
		return ServerResponse.ok().header(REQUEST_ID, requestId()).build();
	}

	private static ServerResponse refused(BaiduSandboxException ex) {
		String requestId = requestId();
		return ServerResponse.status(ex.status())
			.header(REQUEST_ID, requestId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new BaiduSandboxJson.ErrorBody(requestId, ex.code(), String.valueOf(ex.getMessage())));
	}

	private static <T> T read(ServerRequest request, Class<T> type) throws IOException {
		byte[] body = request.servletRequest().getInputStream().readAllBytes();
		try {
			T value = (body.length > 0) ? json.readValue(body, type) : null;
			if (value == null) {
				throw new BaiduSandboxException(400, "MalformedJSON", "The request body is not the JSON expected");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new BaiduSandboxException(400, "MalformedJSON", "The request body is not valid JSON");
		}
	}

	private static ServerResponse ok(Object body) {
		return ServerResponse.ok().header(REQUEST_ID, requestId()).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static String requestId() {
		return UUID.randomUUID().toString();
	}

}
