package io.snapgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;

// Span export is made by TracingExportConfiguration, which decides at start rather than when an
// AOT-processed jar is built
@SpringBootApplication(exclude = OtlpTracingAutoConfiguration.class)
public class SnapGateApplication {

	public static void main(String[] args) {
		SpringApplication.run(SnapGateApplication.class, args);
	}

}
