package io.snapgate.testing;

import java.util.ArrayList;
import java.util.List;

import io.snapgate.SnapGateApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox's emulators served by a gateway of their own, for tests that run gateway
 * replicas against them: the upstreams keep state as VergeOS and BCC do, their schedules
 * run only when a test says, and the {@link EmulatorJournal journal} shows every request
 * they were sent.
 */
public final class Emulators implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private Emulators(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts them, with the emulators' settings given as {@code name=value}. */
	public static Emulators start(String... settings) {
		List<String> properties = new ArrayList<>(
				List.of("server.port=0", "management.server.port=", "snapgate.sandbox.run-schedules=false"));
		properties.addAll(List.of(settings));
		return new Emulators(
				new SpringApplicationBuilder(SnapGateApplication.class, EmulatorJournal.class).profiles("sandbox")
					.properties(properties.toArray(String[]::new))
					.run());
	}

	public EmulatorJournal journal() {
		return this.context.getBean(EmulatorJournal.class);
	}

	/** Where they answer: {@code http://localhost:<port>}. */
	public String url() {
		return "http://localhost:" + port();
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
