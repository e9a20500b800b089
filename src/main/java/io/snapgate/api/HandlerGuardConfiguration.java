package io.snapgate.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards that run once a request's handler is known, after Spring Security has let the
 * caller in and before the handler runs: an {@code Idempotency-Key} that says nothing,
 * and a write's query parameters that its handler does not take. What they refuse is
 * answered by {@link ProblemDetailsAdvice}.
 */
@Configuration(proxyBeanMethods = false)
class HandlerGuardConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new IdempotencyKeyInterceptor());
		registry.addInterceptor(new UnknownParameterInterceptor());
	}

}
