package io.snapgate.sandbox.vergeos;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.snapgate.sandbox.SandboxSecrets;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The emulated VergeOS REST API v4, as far as SnapGate uses it: table reads with
 * {@code fields}, {@code filter}, {@code sort}, {@code limit} and {@code offset};
 * creating, changing and deleting cloud snapshots; recovering their VMs and tenants;
 * creating and changing snapshot profiles and their periods, and deleting a profile
 * through {@code snapshot_profile_actions}; taking and deleting VM snapshots, giving a VM
 * a snapshot profile, and the VM actions {@code clone}, {@code restore}, {@code poweron}
 * and {@code poweroff}; Site Sync: {@code site_syncs_outgoing_actions}
 * ({@code add_to_queue}, {@code enable}, {@code disable}) and
 * {@code site_syncs_outgoing_profile_periods}, with their tables read as any other.
 * Errors are {@code {"err": "..."}} with VergeOS's status codes; every request needs HTTP
 * Basic or a Bearer API key. One instance serves one emulated system under its base path.
 * <p>
 * Functional routes rather than a {@code @RestController}, so that the emulator belongs
 * to the sandbox configuration alone and never turns up in the web slices of other tests.
 */
final class VergeosSandboxRoutes {

	static final String BASE_PATH = "/sandbox/vergeos";

	private final VergeosSandboxState state;

	private final VergeosSandboxSettings settings;

	private final String api;

	/** The main system's routes, under {@value #BASE_PATH}. */
	VergeosSandboxRoutes(VergeosSandboxState state, VergeosSandboxSettings settings) {
		this(state, settings, BASE_PATH);
	}

	VergeosSandboxRoutes(VergeosSandboxState state, VergeosSandboxSettings settings, String basePath) {
		this.state = state;
		this.settings = settings;
		this.api = basePath + "/api/v4";
	}

	RouterFunction<ServerResponse> routes() {
		String api = this.api;
		return RouterFunctions.route()
			.POST(api + "/cloud_snapshots",
					authenticated((request) -> created(this.state.createSnapshot(body(request)))))
			.PUT(api + "/cloud_snapshots/{key}", authenticated((request) -> {
				this.state.updateSnapshot(key(request.pathVariable("key")), body(request));
				return ServerResponse.ok().build();
			}))
			.DELETE(api + "/cloud_snapshots/{key}", authenticated((request) -> {
				this.state.deleteSnapshot(key(request.pathVariable("key")));
				return ServerResponse.ok().build();
			}))
			.POST(api + "/cloud_snapshot_vm_actions",
					authenticated((request) -> created(this.state.recover(VergeosSandboxKind.VM, body(request)))))
			.POST(api + "/cloud_snapshot_tenant_actions",
					authenticated((request) -> created(this.state.recover(VergeosSandboxKind.TENANT, body(request)))))
			.POST(api + "/snapshot_profiles",
					authenticated((request) -> created(this.state.createProfile(body(request)))))
			.PUT(api + "/snapshot_profiles/{key}", authenticated((request) -> {
				this.state.updateProfile(key(request.pathVariable("key")), body(request));
				return ServerResponse.ok().build();
			}))
			.POST(api + "/snapshot_profile_actions", authenticated((request) -> {
				this.state.profileAction(body(request));
				return ServerResponse.ok().build();
			}))
			.POST(api + "/snapshot_profile_periods",
					authenticated((request) -> created(this.state.createPeriod(body(request)))))
			.PUT(api + "/snapshot_profile_periods/{key}", authenticated((request) -> {
				this.state.updatePeriod(key(request.pathVariable("key")), body(request));
				return ServerResponse.ok().build();
			}))
			.DELETE(api + "/snapshot_profile_periods/{key}", authenticated((request) -> {
				this.state.deletePeriod(key(request.pathVariable("key")));
				return ServerResponse.ok().build();
			}))
			.POST(api + "/machine_snapshots",
					authenticated((request) -> created(this.state.createMachineSnapshot(body(request)))))
			.DELETE(api + "/machine_snapshots/{key}", authenticated((request) -> {
				this.state.deleteMachineSnapshot(key(request.pathVariable("key")));
				return ServerResponse.ok().build();
			}))
			.PUT(api + "/vms/{key}", authenticated((request) -> {
				this.state.updateVm(key(request.pathVariable("key")), body(request));
				return ServerResponse.ok().build();
			}))
			.POST(api + "/vm_actions", authenticated((request) -> json(this.state.vmAction(body(request)))))
			.POST(api + "/site_syncs_outgoing_actions",
					authenticated((request) -> created(this.state.syncAction(body(request)))))
			.POST(api + "/site_syncs_outgoing_profile_periods",
					authenticated((request) -> created(this.state.linkPeriod(body(request)))))
			.DELETE(api + "/site_syncs_outgoing_profile_periods/{key}", authenticated((request) -> {
				this.state.unlinkPeriod(key(request.pathVariable("key")));
				return ServerResponse.ok().build();
			}))
			.GET(api + "/{table}", authenticated(this::list))
			.GET(api + "/{table}/{key}", authenticated(this::row))
			.onError(VergeosSandboxException.class,
					(ex, request) -> ServerResponse.status(((VergeosSandboxException) ex).status())
						.contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("err", String.valueOf(ex.getMessage()))))
			.onError(HttpMessageNotReadableException.class,
					(ex, request) -> ServerResponse.badRequest()
						.contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("err", "The body is not valid JSON")))
			.build();
	}

	private ServerResponse list(ServerRequest request) {
		String table = request.pathVariable("table");
		VergeosTableQuery query = new VergeosTableQuery(param(request, "filter"), param(request, "sort"),
				param(request, "limit"), param(request, "offset"), param(request, "fields"));
		return json(query.apply(this.state.rows(table), VergeosSandboxColumns.of(table)));
	}

	private ServerResponse row(ServerRequest request) {
		String table = request.pathVariable("table");
		VergeosTableQuery query = new VergeosTableQuery(null, null, null, null, param(request, "fields"));
		return json(
				query.one(this.state.row(table, key(request.pathVariable("key"))), VergeosSandboxColumns.of(table)));
	}

	private HandlerFunction<ServerResponse> authenticated(HandlerFunction<ServerResponse> handler) {
		return (request) -> {
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString(
						(this.settings.username() + ":" + this.settings.password()).getBytes(StandardCharsets.UTF_8));
			String bearer = "Bearer " + this.settings.apiKey();
			String given = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
			if (given == null || !(SandboxSecrets.same(given, basic) || SandboxSecrets.same(given, bearer))) {
				throw new VergeosSandboxException(401, "Login failed");
			}
			return handler.handle(request);
		};
	}

	private static JsonNode body(ServerRequest request) throws Exception {
		if (!MediaType.APPLICATION_JSON
			.isCompatibleWith(request.headers().contentType().orElse(MediaType.TEXT_PLAIN))) {
			throw new VergeosSandboxException(415, "Content-Type must be application/json");
		}
		JsonNode body = request.body(JsonNode.class);
		if (!body.isObject()) {
			throw VergeosSandboxException.badRequest("The body must be a JSON object");
		}
		return body;
	}

	private static ServerResponse created(Map<String, Object> reply) {
		return ServerResponse.status(201).contentType(MediaType.APPLICATION_JSON).body(reply);
	}

	private static ServerResponse json(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static @Nullable String param(ServerRequest request, String name) {
		return request.param(name).orElse(null);
	}

	private static long key(String key) {
		if (!key.matches("[0-9]{1,18}")) {
			throw VergeosSandboxException.notFound();
		}
		return Long.parseLong(key);
	}

}
