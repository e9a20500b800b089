package io.snapgate.shipping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code mvnw} finds a JDK 25 where the default {@code java} is older, run in the
 * shell it runs in against fake JDKs: a {@code java} that reports its version, and
 * nothing else on the {@code PATH} but the tools the script uses.
 */
class JdkDiscoveryTests {

	private static final Path SCRIPT = Path.of(".mvn/jdk.sh").toAbsolutePath();

	@TempDir
	Path root;

	private Path tools;

	@BeforeEach
	void pathWithTheScriptsToolsOnly() throws IOException {
		this.tools = Files.createDirectories(this.root.resolve("tools"));
		for (String tool : List.of("sed", "head", "dirname", "readlink")) {
			Path real = Path.of("/usr/bin", tool);
			Files.createSymbolicLink(this.tools.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
		}
	}

	@Test
	void theNewestJdk25OrLaterIsTakenWhereTheDefaultJavaIsOlder() throws Exception {
		Path old = jdk("jvm/java-17", 17);
		jdk("jvm/java-21", 21);
		Path newest = jdk("jvm/temurin-26", 26);
		jdk("jvm/temurin-25", 25);
		Files.createSymbolicLink(this.tools.resolve("javac"), old.resolve("bin/javac"));

		Result result = select(Map.of(), this.root.resolve("jvm") + "/*");

		assertThat(result.exit()).isZero();
		assertThat(result.out()).isEqualTo(newest.toString());
	}

	@Test
	void aJavaHomeOf25IsKeptAndOneThatIsOlderIsNot() throws Exception {
		Path home = jdk("elsewhere/jdk-25", 25);
		Path old = jdk("elsewhere/jdk-17", 17);
		Path found = jdk("jvm/temurin-25", 25);

		assertThat(select(Map.of("JAVA_HOME", home.toString()), this.root.resolve("jvm") + "/*").out())
			.isEqualTo(home.toString());
		assertThat(select(Map.of("JAVA_HOME", old.toString()), this.root.resolve("jvm") + "/*").out())
			.isEqualTo(found.toString());
	}

	@Test
	void withNoneItSaysWhatToInstallAndFails() throws Exception {
		jdk("jvm/java-17", 17);

		Result result = select(Map.of(), this.root.resolve("jvm") + "/*");

		assertThat(result.exit()).isNotZero();
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("needs a JDK 25 or newer, and found none")
			.contains("Install one, for example Eclipse Temurin 25");
	}

	/**
	 * A JDK whose {@code java} reports the given version, as {@code -XshowSettings} does.
	 */
	private Path jdk(String folder, int version) throws IOException {
		Path bin = Files.createDirectories(this.root.resolve(folder).resolve("bin"));
		for (String tool : List.of("java", "javac")) {
			Path script = bin.resolve(tool);
			Files.writeString(script, """
					#!/bin/sh
					echo 'Property settings:' >&2
					echo '    java.specification.version = %d' >&2
					""".formatted(version));
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		return this.root.resolve(folder);
	}

	private Result select(Map<String, String> env, String dirs) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
				"set -euf; . \"$1\"; snapgate_select_jdk25 && printf %s \"$JAVA_HOME\"", "sh", SCRIPT.toString());
		builder.environment().clear();
		builder.environment().putAll(env);
		builder.environment().put("PATH", this.tools.toString());
		builder.environment().put("HOME", this.root.toString());
		builder.environment().put("SNAPGATE_JDK_DIRS", dirs);
		Process process = builder.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
				new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	private record Result(int exit, String out, String err) {
	}

}
