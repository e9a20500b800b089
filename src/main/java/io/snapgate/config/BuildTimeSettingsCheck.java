package io.snapgate.config;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

/**
 * Refuses to start an AOT-processed jar (run with {@code -Dspring.aot.enabled=true}) with
 * a setting whose effect Spring AOT fixed when the jar was built, rather than run without
 * it: a separate management port (Spring Boot makes the management server's context, or
 * not, at build time, and cannot switch at start). Every other setting SnapGate has is
 * read at start, with AOT or without.
 */
final class BuildTimeSettingsCheck implements BeanFactoryPostProcessor {

	static final String HOW = "the jar was processed by Spring AOT, which decided this at build time, without it. "
			+ "Start the jar without -Dspring.aot.enabled=true (the image: set the entrypoint to "
			+ "java -XX:AOTCache=/app/snapgate.aot -jar /app/snapgate.jar)";

	private final Environment environment;

	private final boolean aot;

	BuildTimeSettingsCheck(Environment environment, boolean aot) {
		this.environment = environment;
		this.aot = aot;
	}

	static BuildTimeSettingsCheck of(Environment environment) {
		return new BuildTimeSettingsCheck(environment, AotDetector.useGeneratedArtifacts());
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check();
	}

	void check() {
		if (!this.aot) {
			return;
		}
		if (ManagementPortType.get(this.environment) != ManagementPortType.SAME) {
			throw new InvalidConfigurationException("management.server.port",
					"a management port of its own is not served: " + HOW);
		}
	}

}
