package io.snapgate.api;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a handler declares, read from the handler itself: whatever parameters it comes to
 * take are let through without a list to keep.
 */
class UnknownParameterInterceptorTests {

	private final UnknownParameterInterceptor interceptor = new UnknownParameterInterceptor();

	@Test
	void aParameterIsDeclaredByTheNameItIsBoundToOrByItsOwnName() throws Exception {
		HandlerMethod handler = handler("named", String.class, boolean.class, String.class);

		assertThat(preHandle("POST", "mode=fast&dryRun=true", handler)).isTrue();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> preHandle("POST", "mode=fast&dryrun=true&body=x", handler))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_PARAMETER);
				assertThat(ex.fieldErrors()).containsExactly(new FieldError("dryrun", "unknown parameter"),
						new FieldError("body", "unknown parameter"));
				assertThat(ex.getMessage())
					.isEqualTo("Unknown parameters 'dryrun', 'body': this endpoint takes mode, dryRun");
			});
	}

	@Test
	void aHandlerThatTakesItsParametersAsAMapTakesAny() throws Exception {
		assertThat(preHandle("DELETE", "anything=1&else=2", handler("any", Map.class))).isTrue();
	}

	@Test
	void theParamsOfAMappingAreDeclaredButNotTheOnesItExcludes() throws Exception {
		HandlerMethod handler = new HandlerMethod(new Conditional(), Conditional.class.getDeclaredMethod("create"));

		assertThat(preHandle("POST", "confirm&mode=fast&level=2", handler)).isTrue();
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> preHandle("POST", "force", handler))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.isEqualTo("Unknown parameter 'force': this endpoint takes level, confirm, mode"));
	}

	@Test
	void everyWriteMethodIsCheckedAndNoRead() throws Exception {
		HandlerMethod handler = handler("none");

		for (String write : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
			assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> preHandle(write, "x=1", handler))
				.satisfies((ex) -> assertThat(ex.getMessage()).endsWith("this endpoint takes none"));
		}
		for (String read : new String[] { "GET", "HEAD", "OPTIONS" }) {
			assertThat(preHandle(read, "x=1", handler)).isTrue();
		}
	}

	@Test
	void anErrorDispatchAndAHandlerThatIsNoMethodAreLeftAlone() throws Exception {
		MockHttpServletRequest error = request("POST", "x=1");
		error.setDispatcherType(DispatcherType.ERROR);

		assertThat(this.interceptor.preHandle(error, new MockHttpServletResponse(), handler("none"))).isTrue();
		assertThat(this.interceptor.preHandle(request("POST", "x=1"), new MockHttpServletResponse(), new Object()))
			.isTrue();
	}

	private boolean preHandle(String method, String query, HandlerMethod handler) {
		return this.interceptor.preHandle(request(method, query), new MockHttpServletResponse(), handler);
	}

	private static MockHttpServletRequest request(String method, String query) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/things");
		request.setQueryString(query);
		for (String pair : query.split("&", -1)) {
			String[] nameAndValue = pair.split("=", 2);
			request.addParameter(nameAndValue[0], (nameAndValue.length > 1) ? nameAndValue[1] : "");
		}
		return request;
	}

	private static HandlerMethod handler(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
		return new HandlerMethod(new Things(), Things.class.getDeclaredMethod(name, parameterTypes));
	}

	static class Things {

		@PostMapping
		void named(@RequestParam("mode") String mode, @RequestParam(defaultValue = "false") boolean dryRun,
				@RequestBody String body) {
		}

		@PostMapping
		void any(@RequestParam Map<String, String> all) {
		}

		@PostMapping
		void none() {
		}

	}

	@RequestMapping(path = "/conditional", params = "level")
	static class Conditional {

		@PostMapping(params = { "confirm", "mode=fast", "!force" })
		void create() {
		}

	}

}
