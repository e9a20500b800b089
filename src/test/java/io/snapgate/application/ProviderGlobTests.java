package io.snapgate.application;

import io.snapgate.domain.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProviderGlobTests {

	@ParameterizedTest(name = "{0} matches {1}: {2}")
	@CsvSource({ "baidu-bj, baidu-bj, true", "baidu-bj, baidu-bjx, false", "baidu-bj, xbaidu-bj, false",
			"baidu-*, baidu-bj, true", "baidu-*, baidu-, true", "baidu-*, baidu, false", "baidu-*, vergeos-prod, false",
			"*, vergeos-prod, true", "*-prod, vergeos-prod, true", "*-prod, vergeos-test, false",
			"vergeos-*-eu, vergeos-prod-eu, true", "vergeos-*-eu, vergeos-prod-us, false", "*a*a*, banana, true",
			"*a*a*a*a*, banana, false" })
	void aStarStandsForAnyRunOfCharacters(String glob, String provider, boolean matches) {
		assertThat(new ProviderGlob(glob).matches(new ProviderId(provider))).isEqualTo(matches);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Baidu-*", "baidu_bj", "baidu-?", "-baidu", "baidu bj", "baidu-[bg]z" })
	void onlyProviderIdCharactersAndStarsMakeAGlob(String glob) {
		assertThat(ProviderGlob.isValid(glob)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new ProviderGlob(glob));
	}

	@Test
	void everyProviderIdIsAGlobThatMatchesItselfAlone() {
		assertThat(ProviderGlob.isValid("a".repeat(63))).isTrue();
		assertThat(ProviderGlob.isValid("a".repeat(64))).isFalse();
		assertThat(ProviderGlob.ANY.matches(new ProviderId("0"))).isTrue();
	}

}
