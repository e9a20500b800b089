package io.snapgate.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSecretsTests {

	@Test
	void onlyTheSameTextIsTheSameSecret() {
		assertThat(SandboxSecrets.same("Bearer sandbox-key", "Bearer sandbox-key")).isTrue();
		assertThat(SandboxSecrets.same("Bearer sandbox-ke", "Bearer sandbox-key")).isFalse();
		assertThat(SandboxSecrets.same("Bearer sandbox-kéy", "Bearer sandbox-key")).isFalse();
		assertThat(SandboxSecrets.same("", "Bearer sandbox-key")).isFalse();
	}

}
