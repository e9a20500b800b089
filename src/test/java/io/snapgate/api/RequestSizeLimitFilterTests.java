package io.snapgate.api;

import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitFilterTests {

	private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(1024, JsonMapper.builder().build());

	@Test
	void aStreamedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/snapshots");
		request.setContent(new byte[4096]);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		}, response, (req, res) -> req.getInputStream().readAllBytes());

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("PAYLOAD_TOO_LARGE");
	}

	@Test
	void aBodyWithinTheLimitPasses() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/snapshots");
		request.setContent(new byte[512]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		int[] read = new int[1];

		this.filter.doFilter(request, response, (req, res) -> read[0] = req.getInputStream().readAllBytes().length);

		assertThat(read[0]).isEqualTo(512);
		assertThat(response.getStatus()).isEqualTo(200);
	}

}
