package io.snapgate.provider.baidu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * An automatic snapshot policy as BCC answers it ({@code GET /v2/asp[/{aspId}]}). The
 * SDKs disagree on whether hours, weekdays and retention are numbers or digit strings;
 * both read as numbers here. Weekdays are 0..6 with 0 = Sunday (7 is read as Sunday too).
 * Times are ISO-8601 UTC; a time before 2000 is BCC's placeholder for none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduAspJson(@Nullable String id, @Nullable String name, @Nullable List<Integer> timePoints,
		@Nullable List<Integer> repeatWeekdays, @Nullable Integer retentionDays, @Nullable String status,
		@Nullable String createdTime, @Nullable String updatedTime, @Nullable String lastExecuteTime,
		@Nullable Integer volumeCount) {
}
