package io.snapgate.api;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.snapgate.domain.ErrorCode;
import io.snapgate.domain.FieldError;
import io.snapgate.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a write whose query names a parameter its handler does not declare, before the
 * handler runs: a misspelled or unsupported flag, such as {@code ?dryrun=true}, must
 * never turn into the real write. A handler declares its parameters with
 * {@code @RequestParam} (by name, or by the method parameter's own name) and with the
 * {@code params} of its mapping; one that takes {@code @RequestParam} as a map takes any.
 * Reads ignore parameters they do not know.
 */
final class UnknownParameterInterceptor implements HandlerInterceptor {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !WRITES.contains(request.getMethod())
				|| !(handler instanceof HandlerMethod method)) {
			return true;
		}
		Declared parameters = this.declared.computeIfAbsent(method.getMethod(), (key) -> Declared.of(method));
		List<String> unknown = request.getParameterMap()
			.keySet()
			.stream()
			.filter((name) -> !parameters.admits(name))
			.toList();
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException(ErrorCode.UNKNOWN_PARAMETER, detail(unknown, parameters),
					unknown.stream().map((name) -> new FieldError(name, "unknown parameter")).toList());
		}
		return true;
	}

	private static String detail(List<String> unknown, Declared parameters) {
		String named = unknown.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "));
		String taken = parameters.names().isEmpty() ? "none" : String.join(", ", parameters.names());
		return "Unknown parameter" + ((unknown.size() > 1) ? "s " : " ") + named + ": this endpoint takes " + taken;
	}

	/**
	 * The query parameters one handler method takes.
	 *
	 * @param names the names it binds, in the order it declares them
	 * @param any whether it takes whatever it is sent
	 */
	private record Declared(Set<String> names, boolean any) {

		boolean admits(String name) {
			return this.any || this.names.contains(name);
		}

		static Declared of(HandlerMethod handler) {
			Set<String> names = new LinkedHashSet<>();
			boolean any = false;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param == null) {
					continue;
				}
				if (!param.name().isEmpty()) {
					names.add(param.name());
				}
				else if (Map.class.isAssignableFrom(parameter.getParameterType())) {
					any = true;
				}
				else {
					names.add(nameOf(parameter));
				}
			}
			names.addAll(mappingParams(
					AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class)));
			names.addAll(mappingParams(
					AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class)));
			return new Declared(Collections.unmodifiableSet(names), any);
		}

		private static String nameOf(MethodParameter parameter) {
			MethodParameter named = parameter.clone();
			named.initParameterNameDiscovery(NAMES);
			String name = named.getParameterName();
			if (name == null) {
				// Spring cannot bind it either
				throw new IllegalStateException("No name for parameter " + parameter.getParameterIndex() + " of "
						+ parameter.getExecutable() + ": compile with -parameters or name it in @RequestParam");
			}
			return name;
		}

		/**
		 * The names a mapping's {@code params} require: {@code force}, {@code mode=fast}
		 * and {@code mode!=slow} name one, {@code !force} names none.
		 */
		private static List<String> mappingParams(@Nullable RequestMapping mapping) {
			if (mapping == null) {
				return List.of();
			}
			return Arrays.stream(mapping.params())
				.filter((expression) -> !expression.startsWith("!"))
				.map((expression) -> expression.split("!?=", 2)[0].strip())
				.toList();
		}

	}

}
