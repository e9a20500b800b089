package io.snapgate.api;

import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import io.snapgate.domain.Member;
import io.snapgate.domain.MemberType;
import io.snapgate.domain.SnapshotStatus;
import io.snapgate.security.ApiKeyHashes;
import io.snapgate.testing.FakeProviderFactories;
import io.snapgate.testing.FakeSnapshotProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.util.DigestUtils;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional reads: every read answers an {@code ETag}, the same answer again is a 304
 * without a body for a caller who names it in {@code If-None-Match}, and a change is a
 * 200 with a new one. Answers are not kept by the gateway here, so each read sees the
 * provider's state.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FakeProviderFactories.class)
class ConditionalReadTests {

	private static final String KEY = "conditional-" + "c".repeat(40);

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		registry.add("snapgate.providers.cond-sys.type", () -> "fake-system-policies");
		registry.add("snapgate.providers.cond-sys.resilience.read-cache-ttl", () -> "0s");
		registry.add("snapgate.security.api-keys[0].owner", () -> "conditional");
		registry.add("snapgate.security.api-keys[0].sha256", () -> ApiKeyHashes.sha256Hex(KEY));
		registry.add("snapgate.security.api-keys[0].scopes",
				() -> "snapshots:read,snapshots:write,restores:write,policies:read");
	}

	@BeforeEach
	void seed() {
		provider().reset();
		provider().withSnapshot("12", "daily", Instant.parse("2026-11-22T00:00:00Z"))
			.withMembers("12", new Member(MemberType.VM, "41", "web-01"));
	}

	@Test
	void aSnapshotUnchangedIsA304AndAChangeIsA200WithANewTag() {
		MvcTestResult first = get("/snapshots/cond-sys:12", null);
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(first).hasStatusOk();
		assertThat(etag).isNotBlank();
		assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-cache");
		assertThat(etag).as("a digest of the answer itself, the same on every replica")
			.isEqualTo("\"0" + DigestUtils.md5DigestAsHex(first.getResponse().getContentAsByteArray()) + "\"");

		MvcTestResult same = get("/snapshots/cond-sys:12", etag);
		assertThat(same).hasStatus(304);
		assertThat(same.getResponse().getContentAsByteArray()).isEmpty();

		provider().settle("12", SnapshotStatus.UNAVAILABLE);
		MvcTestResult changed = get("/snapshots/cond-sys:12", etag);
		assertThat(changed).hasStatusOk();
		assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
	}

	@Test
	void listingsRestoresAndPoliciesAreConditionalToo() throws Exception {
		MvcTestResult started = this.mvc.post()
			.uri("/restores")
			.header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"snapshotId\":\"cond-sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"}}")
			.exchange();
		assertThat(started).hasStatus(202);
		assertThat(started.getResponse().getHeader(HttpHeaders.ETAG)).as("a write answers no tag").isNull();
		String restore = "/restores/" + JsonPath.<String>read(started.getResponse().getContentAsString(), "$.id");

		for (String uri : new String[] { "/snapshots?provider=cond-sys", restore, "/policies" }) {
			String etag = get(uri, null).getResponse().getHeader(HttpHeaders.ETAG);
			assertThat(etag).as(uri).isNotBlank();
			assertThat(get(uri, etag)).as(uri).hasStatus(304);
		}
	}

	@Test
	void aCallerWithoutAccessGetsItsRefusalNotA304() {
		String etag = get("/snapshots/cond-sys:12", null).getResponse().getHeader(HttpHeaders.ETAG);

		MvcTestResult anonymous = this.mvc.get()
			.uri("/snapshots/cond-sys:12")
			.header(HttpHeaders.IF_NONE_MATCH, String.valueOf(etag))
			.exchange();

		assertThat(anonymous).hasStatus(401);
	}

	private MvcTestResult get(String uri, @Nullable String etag) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.get().uri(uri).header("X-API-Key", KEY);
		if (etag != null) {
			request.header(HttpHeaders.IF_NONE_MATCH, etag);
		}
		return request.exchange();
	}

	private static FakeSnapshotProvider provider() {
		return FakeProviderFactories.BUILT.get("cond-sys");
	}

}
