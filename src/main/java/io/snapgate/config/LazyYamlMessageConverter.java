package io.snapgate.config;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.util.function.SingletonSupplier;

/**
 * The YAML converter Spring registers by default, made the first time YAML is read or
 * written rather than at start: it is Jackson 2's (there is no Jackson 3 YAML module on
 * the class path, only Jackson 2's, which swagger-core brings), and making it loads some
 * 500 classes of Jackson 2 that nothing else needs while the gateway starts.
 */
@SuppressWarnings("removal")
final class LazyYamlMessageConverter implements HttpMessageConverter<Object> {

	private static final List<MediaType> YAML = List.of(MediaType.APPLICATION_YAML,
			new MediaType("application", "*+yaml"));

	private final Supplier<MappingJackson2YamlHttpMessageConverter> delegate = SingletonSupplier
		.of(MappingJackson2YamlHttpMessageConverter::new);

	/**
	 * By the media type alone, as Jackson's converter decides for any type, so that
	 * content negotiation (which asks every converter) does not make it.
	 */
	@Override
	public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
		return isYaml(mediaType);
	}

	@Override
	public boolean canWrite(Class<?> type, @Nullable MediaType mediaType) {
		return isYaml(mediaType);
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return YAML;
	}

	@Override
	public Object read(Class<? extends Object> type, HttpInputMessage input)
			throws IOException, HttpMessageNotReadableException {
		return this.delegate.get().read(type, input);
	}

	@Override
	public void write(Object body, @Nullable MediaType contentType, HttpOutputMessage output)
			throws IOException, HttpMessageNotWritableException {
		this.delegate.get().write(body, contentType, output);
	}

	/**
	 * Whether a converter of YAML could take {@code mediaType}: none (any), a wildcard
	 * that includes YAML, or YAML itself.
	 */
	private static boolean isYaml(@Nullable MediaType mediaType) {
		if (mediaType == null) {
			return true;
		}
		return YAML.stream().anyMatch((yaml) -> yaml.isCompatibleWith(mediaType));
	}

}
