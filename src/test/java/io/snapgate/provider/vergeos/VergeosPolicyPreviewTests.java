package io.snapgate.provider.vergeos;

import java.time.LocalTime;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.snapgate.domain.ConflictException;
import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.Preview;
import io.snapgate.domain.ScheduleRule;
import io.snapgate.testing.UpstreamJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.snapgate.provider.vergeos.VergeosFixtures.profileRow;
import static io.snapgate.provider.vergeos.VergeosPolicyCreationTests.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A preview of a VergeOS policy plans the profile and its periods as the create does, and
 * sends VergeOS no write.
 */
class VergeosPolicyPreviewTests {

	@RegisterExtension
	static final WireMockExtension vergeos = VergeosFixtures.wireMock();

	private final VergeosPolicies policies = VergeosFixtures.policies(vergeos.baseUrl(), ZoneOffset.UTC);

	@AfterEach
	void nothingWasWritten() {
		assertThat(UpstreamJournal.writes(vergeos)).as("the journal shows no write").isEmpty();
	}

	@Test
	void aPreviewTellsTheProfileAndItsPeriods() {
		vergeos.stubFor(get(urlPathEqualTo("/api/v4/snapshot_profiles")).willReturn(okJson("[]")));

		Preview preview = this.policies.previewCreate(spec("nightly", ZoneOffset.UTC,
				new ScheduleRule.Daily(LocalTime.of(2, 0)), new ScheduleRule.Hourly(15)), null);

		assertThat(preview.actions()).extracting(Preview.Action::kind).containsExactly("POLICY", "PERIOD", "PERIOD");
		assertThat(preview.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning).contains("Immutable"));
	}

	@Test
	void aTakenNameIsTheCreatesConflict() {
		vergeos.stubFor(
				get(urlPathEqualTo("/api/v4/snapshot_profiles")).withQueryParam("filter", equalTo("name eq 'nightly'"))
					.willReturn(okJson("[" + profileRow(3, "nightly", "") + "]")));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.policies
				.previewCreate(spec("nightly", ZoneOffset.UTC, new ScheduleRule.Daily(LocalTime.of(2, 0))), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NAME_TAKEN));
	}

}
