package io.snapgate.config;

import org.springframework.boot.http.converter.autoconfigure.ClientHttpMessageConvertersCustomizer;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's default converters, but for YAML's, which is made when first needed (see
 * {@link LazyYamlMessageConverter}).
 */
@Configuration(proxyBeanMethods = false)
class MessageConvertersConfiguration {

	@Bean
	ServerHttpMessageConvertersCustomizer lazyYamlServerConverter() {
		return (builder) -> builder.withYamlConverter(new LazyYamlMessageConverter());
	}

	@Bean
	ClientHttpMessageConvertersCustomizer lazyYamlClientConverter() {
		return (builder) -> builder.withYamlConverter(new LazyYamlMessageConverter());
	}

}
