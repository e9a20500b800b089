package io.snapgate.sandbox.vergeos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulated VergeOS REST API v4, as far as SnapGate uses it: table reads with {@code fields},
 * {@code filter}, {@code sort}, {@code limit} and {@code offset}; creating and deleting cloud
 * snapshots; recovering their VMs and tenants. Errors are {@code {"err": "..."}} with VergeOS's status
 * codes; every request needs HTTP Basic or a Bearer API key.
 */
@RestController
@Profile("sandbox")
@RequestMapping(path = "/sandbox/vergeos/api/v4", produces = MediaType.APPLICATION_JSON_VALUE)
class VergeosSandboxController {

	private final VergeosSandboxState state;

	private final VergeosSandboxProperties properties;

	VergeosSandboxController(VergeosSandboxState state, VergeosSandboxProperties properties) {
		this.state = state;
		this.properties = properties;
	}

	@GetMapping("/{table}")
	List<Map<String, @Nullable Object>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@PathVariable String table, @RequestParam(required = false) @Nullable String fields,
			@RequestParam(required = false) @Nullable String filter, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset) {
		authenticate(authorization);
		return new VergeosTableQuery(filter, sort, limit, offset, fields).apply(this.state.rows(table), columns(table));
	}

	@GetMapping("/{table}/{key}")
	Map<String, @Nullable Object> row(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@PathVariable String table, @PathVariable String key, @RequestParam(required = false) @Nullable String fields) {
		authenticate(authorization);
		return new VergeosTableQuery(null, null, null, null, fields).one(this.state.row(table, key(key)), columns(table));
	}

	@PostMapping(path = "/cloud_snapshots", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> create(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody JsonNode body) {
		authenticate(authorization);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.state.createSnapshot(body));
	}

	@DeleteMapping("/cloud_snapshots/{key}")
	ResponseEntity<Void> delete(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@PathVariable String key) {
		authenticate(authorization);
		this.state.deleteSnapshot(key(key));
		return ResponseEntity.ok().build();
	}

	@PostMapping(path = "/cloud_snapshot_vm_actions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> recoverVm(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody JsonNode body) {
		authenticate(authorization);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.state.recover(VergeosSandboxState.Kind.VM, body));
	}

	@PostMapping(path = "/cloud_snapshot_tenant_actions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> recoverTenant(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody JsonNode body) {
		authenticate(authorization);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.state.recover(VergeosSandboxState.Kind.TENANT, body));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> refused(VergeosSandboxException ex) {
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("err", String.valueOf(ex.getMessage())));
	}

	private void authenticate(@Nullable String authorization) {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((this.properties.username() + ":" + this.properties.password()).getBytes(StandardCharsets.UTF_8));
		String bearer = "Bearer " + this.properties.apiKey();
		if (authorization == null || !(same(authorization, basic) || same(authorization, bearer))) {
			throw new VergeosSandboxException(401, "Login failed");
		}
	}

	private static boolean same(String given, String expected) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}

	private static java.util.Set<String> columns(String table) {
		java.util.Set<String> columns = VergeosSandboxState.COLUMNS.get(table);
		if (columns == null) {
			throw new VergeosSandboxException(404, "Invalid table: " + table);
		}
		return columns;
	}

	private static long key(String key) {
		if (!key.matches("[0-9]{1,18}")) {
			throw VergeosSandboxException.notFound();
		}
		return Long.parseLong(key);
	}

}
