package io.snapgate.shipping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import static org.assertj.core.api.Assertions.fail;

/**
 * The image the top-level Dockerfile builds from the jar {@code ./mvnw package} made,
 * built once per test JVM and removed when it exits.
 */
final class SnapGateImage {

	/**
	 * What CI exports after {@code container-env.sh}; {@code local/jre:25} when unset.
	 */
	static final String BASE_IMAGE = System.getenv().getOrDefault("SNAPGATE_BASE_IMAGE", "local/jre:25");

	private static final String NAME = "localhost/snapgate-it";

	private static final ImageFromDockerfile IMAGE = new ImageFromDockerfile(NAME, false)
		.withDockerfile(Path.of("Dockerfile").toAbsolutePath())
		.withBuildArg("BASE_IMAGE", BASE_IMAGE);

	private SnapGateImage() {
	}

	/** The image, built on first use; fails with a hint when what it needs is missing. */
	static ImageFromDockerfile get() {
		if (!Files.isDirectory(Path.of("target")) || jarMissing()) {
			fail("No target/snapgate-*.jar: run the container tests through ./mvnw verify (after package)");
		}
		if (BASE_IMAGE.startsWith("local/") && !presentLocally(BASE_IMAGE)) {
			fail("Base image " + BASE_IMAGE
					+ " is not in the local engine: run eval \"$(../shared/tools/container-env.sh)\""
					+ " or set SNAPGATE_BASE_IMAGE to an image you can pull, such as eclipse-temurin:25-jre");
		}
		return IMAGE;
	}

	/**
	 * Removes the image and the extract stage's leftover: every build makes new layers
	 * (the jar changes), and nothing else would remove them without Testcontainers'
	 * reaper.
	 */
	static void remove() {
		DockerClient docker = DockerClientFactory.instance().client();
		try {
			docker.removeImageCmd(NAME).withForce(true).exec();
		}
		catch (NotFoundException ex) {
			// never built: a test failed before it needed the image
		}
		docker.listImagesCmd()
			.withDanglingFilter(true)
			.withLabelFilter(Map.of("io.snapgate.stage", "extract"))
			.exec()
			.forEach((image) -> docker.removeImageCmd(image.getId()).withForce(true).exec());
	}

	private static boolean presentLocally(String image) {
		try {
			DockerClientFactory.instance().client().inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private static boolean jarMissing() {
		try (var files = Files.list(Path.of("target"))) {
			return files.noneMatch((file) -> file.getFileName().toString().matches("snapgate-.*\\.jar"));
		}
		catch (IOException ex) {
			return true;
		}
	}

}
