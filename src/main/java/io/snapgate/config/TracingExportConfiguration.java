package io.snapgate.config;

import java.util.Collection;
import java.util.Locale;

import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpGrpcSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Span export over OTLP, as Spring Boot's own {@code OtlpTracingAutoConfiguration} (left
 * out in {@code SnapGateApplication}) would make it from
 * {@code management.opentelemetry.tracing.export.otlp.*}, but decided when the gateway
 * starts: Boot makes its exporter only when the endpoint is set, a condition Spring AOT
 * evaluates once, when the jar is built. The exporter here always exists and sends
 * nothing until an endpoint is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OtlpTracingProperties.class)
class TracingExportConfiguration {

	private static final String EXPORT_ENABLED = "management.tracing.export.enabled";

	private static final String OTLP_EXPORT_ENABLED = "management.tracing.export.otlp.enabled";

	@Bean
	StartupSpanExporter otlpSpanExporter(OtlpTracingProperties properties, Environment environment,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<MeterProvider> meterProvider,
			ObjectProvider<OtlpHttpSpanExporterBuilderCustomizer> httpCustomizers,
			ObjectProvider<OtlpGrpcSpanExporterBuilderCustomizer> grpcCustomizers) {
		String endpoint = properties.getEndpoint();
		if (!StringUtils.hasText(endpoint) || !exportEnabled(environment)) {
			return new StartupSpanExporter(null);
		}
		SslBundle ssl = sslBundle(properties, sslBundles);
		String compression = properties.getCompression().name().toLowerCase(Locale.ROOT);
		if (properties.getTransport() == Transport.GRPC) {
			OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder()
				.setEndpoint(endpoint)
				.setTimeout(properties.getTimeout())
				.setConnectTimeout(properties.getConnectTimeout())
				.setCompression(compression);
			properties.getHeaders().forEach(builder::addHeader);
			meterProvider.ifAvailable(builder::setMeterProvider);
			if (ssl != null) {
				builder.setSslContext(ssl.createSslContext(), SslTrust.x509(ssl));
			}
			grpcCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return new StartupSpanExporter(builder.build());
		}
		OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
			.setEndpoint(endpoint)
			.setTimeout(properties.getTimeout())
			.setConnectTimeout(properties.getConnectTimeout())
			.setCompression(compression);
		properties.getHeaders().forEach(builder::addHeader);
		meterProvider.ifAvailable(builder::setMeterProvider);
		if (ssl != null) {
			builder.setSslContext(ssl.createSslContext(), SslTrust.x509(ssl));
		}
		httpCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return new StartupSpanExporter(builder.build());
	}

	/**
	 * As {@code @ConditionalOnEnabledTracingExport("otlp")}: the specific setting first.
	 */
	private static boolean exportEnabled(Environment environment) {
		Boolean otlp = environment.getProperty(OTLP_EXPORT_ENABLED, Boolean.class);
		if (otlp != null) {
			return otlp;
		}
		return environment.getProperty(EXPORT_ENABLED, Boolean.class, true);
	}

	private static @Nullable SslBundle sslBundle(OtlpTracingProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		String name = properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		return sslBundles.getObject().getBundle(name);
	}

	/**
	 * Spans go to the delegate once made; without one (no endpoint configured, or export
	 * turned off) every batch is dropped at once, as if nothing had been exported.
	 */
	static final class StartupSpanExporter implements SpanExporter {

		private final @Nullable SpanExporter delegate;

		StartupSpanExporter(@Nullable SpanExporter delegate) {
			this.delegate = delegate;
		}

		boolean exporting() {
			return this.delegate != null;
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			return (this.delegate != null) ? this.delegate.export(spans) : CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return (this.delegate != null) ? this.delegate.flush() : CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return (this.delegate != null) ? this.delegate.shutdown() : CompletableResultCode.ofSuccess();
		}

		@Override
		public String toString() {
			return "StartupSpanExporter[" + this.delegate + "]";
		}

	}

	private static final class SslTrust {

		static X509TrustManager x509(SslBundle bundle) {
			for (TrustManager manager : bundle.getManagers().getTrustManagers()) {
				if (manager instanceof X509TrustManager x509) {
					return x509;
				}
			}
			throw new IllegalStateException("No X509TrustManager found in the SSL bundle trust managers");
		}

	}

}
