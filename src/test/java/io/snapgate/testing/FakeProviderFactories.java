package io.snapgate.testing;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.ProviderType;
import io.snapgate.domain.SnapshotProvider;
import io.snapgate.provider.SnapshotProviderFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Provider types {@code fake-system} and {@code fake-volume}, and the same with a
 * scheduler, {@code fake-system-policies} and {@code fake-volume-policies}, and
 * {@code fake-volume-copies} that copies to {@code <id>-dr} besides, for tests that run
 * the whole gateway over in-memory providers:
 * {@code snapgate.providers.<id>.type: fake-system}. The providers built are kept in
 * {@link #BUILT} by id.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeProviderFactories {

	public static final Map<String, FakeSnapshotProvider> BUILT = new ConcurrentHashMap<>();

	@Bean
	SnapshotProviderFactory<Settings> fakeSystemFactory() {
		return factory("fake-system", FakeSnapshotProvider::system);
	}

	@Bean
	SnapshotProviderFactory<Settings> fakeVolumeFactory() {
		return factory("fake-volume", FakeSnapshotProvider::volume);
	}

	@Bean
	SnapshotProviderFactory<Settings> fakeSystemWithPoliciesFactory() {
		return factory("fake-system-policies",
				(id) -> FakeSnapshotProvider.system(id).withPolicies(FakePolicyProvider.system(id)));
	}

	@Bean
	SnapshotProviderFactory<Settings> fakeVolumeWithPoliciesFactory() {
		return factory("fake-volume-policies",
				(id) -> FakeSnapshotProvider.volume(id).withPolicies(FakePolicyProvider.volume(id)));
	}

	/** A provider with a scheduler that copies to the provider {@code <id>-dr}. */
	@Bean
	SnapshotProviderFactory<Settings> fakeVolumeCopiesFactory() {
		return factory("fake-volume-copies", (id) -> {
			FakeSnapshotProvider provider = FakeSnapshotProvider.volume(id).withPolicies(FakePolicyProvider.volume(id));
			return provider.withCopies(new FakeCopyProvider(provider,
					() -> Objects.requireNonNull(BUILT.get(id + "-dr"), "the provider " + id + "-dr is configured")));
		});
	}

	private static SnapshotProviderFactory<Settings> factory(String type, Function<String, FakeSnapshotProvider> make) {
		return new SnapshotProviderFactory<>() {

			@Override
			public ProviderType type() {
				return new ProviderType(type);
			}

			@Override
			public Class<Settings> settingsType() {
				return Settings.class;
			}

			@Override
			public SnapshotProvider create(ProviderId id, Settings settings) {
				FakeSnapshotProvider provider = make.apply(id.value());
				BUILT.put(id.value(), provider);
				return provider;
			}
		};
	}

	/**
	 * A fake has nothing to configure but its type.
	 */
	public record Settings(String type) {
	}

}
