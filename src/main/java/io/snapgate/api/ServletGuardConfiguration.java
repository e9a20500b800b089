package io.snapgate.api;

import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Guards at the servlet level: a bound on request bodies, parameters that decode or a
 * refusal, conditional reads, and problem details for the container's own refusals.
 */
@Configuration(proxyBeanMethods = false)
class ServletGuardConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ApiSettings settings, JsonMapper json) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(settings.maxRequestBytes(), json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Before Spring Security, whose filters may read a parameter, and after the body's
	 * bound.
	 */
	@Bean
	FilterRegistrationBean<ParameterDecodingFilter> parameterDecodingFilter(JsonMapper json) {
		FilterRegistrationBean<ParameterDecodingFilter> registration = new FilterRegistrationBean<>(
				new ParameterDecodingFilter(json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

}
