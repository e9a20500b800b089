package io.snapgate.provider.vergeos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code snapshot_profile_periods}: one trigger of a profile with its own
 * retention. {@code frequency} is {@code hourly}, {@code daily}, {@code weekly},
 * {@code monthly}, {@code yearly} or {@code custom}; {@code day_of_week} is {@code sun}
 * to {@code sat} or {@code any}; {@code day_of_month} and {@code month} are {@code 0} for
 * any; {@code retention} is in seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VergeosPeriodRow(
		@JsonProperty("$key") @JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String key,
		@JsonDeserialize(using = VergeosKeyDeserializer.class) @Nullable String profile, @Nullable String name,
		@Nullable String frequency, @Nullable Integer minute, @Nullable Integer hour,
		@JsonProperty("day_of_week") @Nullable String dayOfWeek,
		@JsonProperty("day_of_month") @Nullable Integer dayOfMonth, @Nullable Integer month, @Nullable Long retention,
		@JsonProperty("min_snapshots") @Nullable Integer minSnapshots, @Nullable Boolean immutable) {

	static final String FIELDS = "$key,profile,name,frequency,minute,hour,day_of_week,day_of_month,month,retention,"
			+ "min_snapshots,immutable";

}
