package io.snapgate.api;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.snapgate.api.ApiTestConfiguration.PLAIN;
import static io.snapgate.api.ApiTestConfiguration.SYSTEM;
import static io.snapgate.api.ApiTestConfiguration.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Idempotency-Key} that is there must say something, once: a blank one is a
 * 400, never taken for no key, on every endpoint and before anything acts on the request.
 */
@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class IdempotencyKeyTests {

	// on a provider whose snapshot ids no other test class counts on
	private static final String CREATE = "{\"provider\":\"plain\",\"name\":\"pre-upgrade\"}";

	private static final String POLICY = """
			{"provider": "vol", "name": "nightly-db",
			 "schedule": {"timeZone": "Asia/Shanghai", "rules": [{"every": "WEEK", "on": ["SUNDAY"], "at": "03:00"}]},
			 "retention": {"keepFor": "P7D", "minKept": null},
			 "targets": [{"type": "VOLUME", "id": "v-Cds00001"}]}""";

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void seed() {
		SYSTEM.reset();
		VOLUME.reset();
		PLAIN.reset();
		SYSTEM.withSnapshot("12", "daily", Instant.parse("2026-11-22T02:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t \t" })
	void aBlankKeyOnACreateIsRefusedAndNothingIsMade(String key) {
		assertRefused(this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CREATE)
			.exchange(), "must not be blank; leave the header out to send no key");
		assertRefused(this.mvc.post()
			.uri("/policies")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(POLICY)
			.exchange(), "must not be blank; leave the header out to send no key");

		assertThat(PLAIN.calls()).isEmpty();
		assertThat(VOLUME.policyFake().calls()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void aBlankKeyIsRefusedOnEveryEndpoint(String key) {
		assertRefused(this.mvc.get().uri("/snapshots").header("Idempotency-Key", key).exchange(),
				"must not be blank; leave the header out to send no key");
		assertRefused(this.mvc.delete().uri("/snapshots/sys:12").header("Idempotency-Key", key).exchange(),
				"must not be blank; leave the header out to send no key");
		assertRefused(this.mvc.get().uri("/providers").header("Idempotency-Key", key).exchange(),
				"must not be blank; leave the header out to send no key");

		assertThat(SYSTEM.calls()).isEmpty();
		assertThat(SYSTEM.size()).isOne();
	}

	@Test
	void aKeySentTwiceIsRefusedEvenWhenBothAgree() {
		assertRefused(this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", "key-1", "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CREATE)
			.exchange(), "must be sent once");
		assertRefused(this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", "key-1", "key-2")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CREATE)
			.exchange(), "must be sent once");

		assertThat(PLAIN.calls()).isEmpty();
	}

	@Test
	void aKeyThatSaysSomethingStillWorks() {
		assertThat(this.mvc.post()
			.uri("/snapshots")
			.header("Idempotency-Key", "6f1c0a62-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CREATE)).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.mvc.get().uri("/snapshots").header("Idempotency-Key", "6f1c0a62-1")).hasStatusOk();
	}

	private static void assertRefused(MvcTestResult result, String message) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
			json.assertThat().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
			json.assertThat().extractingPath("$.errors[0].message").isEqualTo(message);
		});
	}

}
