package io.snapgate.provider.baidu;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The body of every BCC error: {@code {"requestId", "code", "message"}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BaiduErrorJson(@Nullable String requestId, @Nullable String code, @Nullable String message) {
}
