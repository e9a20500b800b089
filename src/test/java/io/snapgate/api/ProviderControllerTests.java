package io.snapgate.api;

import java.util.List;
import java.util.Map;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.UpstreamUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.snapgate.api.ApiTestConfiguration.SYSTEM;
import static io.snapgate.api.ApiTestConfiguration.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(properties = "snapgate.security.open=true")
@ActiveProfiles("sandbox")
@Import(ApiTestConfiguration.class)
class ProviderControllerTests {

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void reset() {
		SYSTEM.reset();
		VOLUME.reset();
	}

	@Test
	void listsProvidersWithCapabilitiesAndHealth() {
		VOLUME.failWith(() -> new UpstreamUnavailableException(ErrorCode.UPSTREAM_UNAVAILABLE, "down", null, null));

		assertThat(this.mvc.get().uri("/providers")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$[*].id").isEqualTo(List.of("plain", "sys", "vol"));
			json.assertThat().extractingPath("$[1].type").isEqualTo("fake-system");
			json.assertThat()
				.extractingPath("$[1].capabilities")
				.isEqualTo(List.of("SYSTEM_SNAPSHOT", "RESTORE_VM", "RESTORE_TENANT", "IMMUTABLE", "RETENTION",
						"PRIVATE"));
			json.assertThat().extractingPath("$[1].health").isEqualTo("UP");
			json.assertThat().extractingPath("$[2].health").isEqualTo("DOWN");
		});
	}

	@Test
	void eachProviderShowsHowFinelyItCountsRetentionAndWhatCanChange() {
		assertThat(this.mvc.get().uri("/providers")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$[1].snapshots.retentionUnit").isEqualTo("PT1S");
			json.assertThat().extractingPath("$[1].snapshots.maxRetention").isNull();
			json.assertThat().extractingPath("$[2].snapshots.retentionUnit").isNull();
			json.assertThat()
				.extractingPath("$[1].snapshots.changeable")
				.isEqualTo(List.of("description", "retention", "neverExpire"));
			json.assertThat().extractingPath("$[2].snapshots.changeable").isEqualTo(List.of("name", "description"));
		});
	}

	@Test
	void eachProviderShowsWhatItsSchedulerCanExpressOrNullWithoutOne() {
		assertThat(this.mvc.get().uri("/providers")).hasStatusOk().bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$[0].policies").isNull();
			json.assertThat()
				.extractingPath("$[2].policies")
				.isEqualTo(Map.of("rules", List.of("HOUR", "DAY", "WEEK"), "minutes", List.of(0), "timeZone",
						"Asia/Shanghai", "retentionUnit", "P1D", "forever", true, "minKept", false, "immutable", false,
						"targets", List.of("VOLUME"), "rulesPerPolicy", 1, "copies", false));
			json.assertThat().extractingPath("$[1].policies.rules").isEqualTo(List.of("HOUR", "DAY", "WEEK", "MONTH"));
			json.assertThat().extractingPath("$[1].policies.minutes").isEqualTo(List.of());
			json.assertThat().extractingPath("$[1].policies.retentionUnit").isEqualTo("PT1S");
			json.assertThat().extractingPath("$[1].policies.targets").isEqualTo(List.of("SYSTEM"));
		});
	}

}
