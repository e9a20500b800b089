package io.snapgate.sandbox.baidu;

import java.util.UUID;

import io.snapgate.sandbox.baidu.BaiduEmulatorJson.CreateRequest;
import io.snapgate.sandbox.baidu.BaiduEmulatorJson.Created;
import io.snapgate.sandbox.baidu.BaiduEmulatorJson.InstanceReply;
import io.snapgate.sandbox.baidu.BaiduEmulatorJson.RollbackRequest;
import io.snapgate.sandbox.baidu.BaiduEmulatorJson.SnapshotPage;
import io.snapgate.sandbox.baidu.BaiduEmulatorJson.SnapshotReply;
import io.snapgate.sandbox.baidu.BaiduEmulatorJson.VolumeReply;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCC's HTTP API over the emulator. Every request's signature is checked first; answers and refusals
 * carry {@code x-bce-request-id}, refusals BCC's error body.
 */
@RestController
@Profile("sandbox")
@RequestMapping(BaiduEmulatorController.BASE_PATH + "/v2")
class BaiduEmulatorController {

	static final String BASE_PATH = "/sandbox/baidu";

	private static final String REQUEST_ID = "x-bce-request-id";

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final BaiduEmulator emulator;

	private final BceSignatureVerifier verifier;

	BaiduEmulatorController(BaiduEmulator emulator, BceSignatureVerifier verifier) {
		this.emulator = emulator;
		this.verifier = verifier;
	}

	@GetMapping("/snapshot")
	ResponseEntity<SnapshotPage> list(HttpServletRequest request, @RequestParam(required = false) @Nullable String marker,
			@RequestParam(required = false) @Nullable String maxKeys,
			@RequestParam(required = false) @Nullable String volumeId) {
		this.verifier.verify(request);
		return ok(this.emulator.list(marker, maxKeys, volumeId));
	}

	@GetMapping("/snapshot/{snapshotId}")
	ResponseEntity<SnapshotReply> get(HttpServletRequest request, @PathVariable String snapshotId) {
		this.verifier.verify(request);
		return ok(new SnapshotReply(this.emulator.snapshot(snapshotId)));
	}

	@PostMapping("/snapshot")
	ResponseEntity<Created> create(HttpServletRequest request, @RequestParam(required = false) @Nullable String clientToken,
			@RequestBody(required = false) byte @Nullable [] body) {
		this.verifier.verify(request);
		return ok(new Created(this.emulator.create(clientToken, read(body, CreateRequest.class))));
	}

	@DeleteMapping("/snapshot/{snapshotId}")
	ResponseEntity<Void> delete(HttpServletRequest request, @PathVariable String snapshotId) {
		this.verifier.verify(request);
		this.emulator.delete(snapshotId);
		return ResponseEntity.ok().header(REQUEST_ID, requestId()).build();
	}

	@PutMapping(path = "/volume/{volumeId}", params = "rollback")
	ResponseEntity<Void> rollBack(HttpServletRequest request, @PathVariable String volumeId,
			@RequestBody(required = false) byte @Nullable [] body) {
		this.verifier.verify(request);
		this.emulator.rollBack(volumeId, read(body, RollbackRequest.class).snapshotId());
		return ResponseEntity.ok().header(REQUEST_ID, requestId()).build();
	}

	@GetMapping("/volume/{volumeId}")
	ResponseEntity<VolumeReply> volume(HttpServletRequest request, @PathVariable String volumeId) {
		this.verifier.verify(request);
		return ok(new VolumeReply(this.emulator.volume(volumeId)));
	}

	@GetMapping("/instance/{instanceId}")
	ResponseEntity<InstanceReply> instance(HttpServletRequest request, @PathVariable String instanceId) {
		this.verifier.verify(request);
		return ok(new InstanceReply(this.emulator.instance(instanceId)));
	}

	@ExceptionHandler(BaiduApiException.class)
	ResponseEntity<BaiduEmulatorJson.Error> refused(BaiduApiException ex) {
		String requestId = requestId();
		return ResponseEntity.status(HttpStatus.valueOf(ex.status()))
			.header(REQUEST_ID, requestId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new BaiduEmulatorJson.Error(requestId, ex.code(), ex.getMessage()));
	}

	private static <T> T read(byte @Nullable [] body, Class<T> type) {
		try {
			T value = (body != null && body.length > 0) ? json.readValue(body, type) : null;
			if (value == null) {
				throw new BaiduApiException(400, "MalformedJSON", "The request body is not the JSON expected");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new BaiduApiException(400, "MalformedJSON", "The request body is not valid JSON");
		}
	}

	private static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().header(REQUEST_ID, requestId()).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static String requestId() {
		return UUID.randomUUID().toString();
	}

}
