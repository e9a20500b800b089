package io.snapgate.provider.vergeos;

import java.util.regex.Pattern;

import io.snapgate.domain.InvalidRequestException;

/**
 * What the adapter takes for a VergeOS row key, and which names VergeOS takes. A key is
 * digits that fit a {@code long}, so that it can stand bare in a filter, a URL or a
 * recover body.
 */
final class VergeosLimits {

	private static final Pattern KEY = Pattern.compile("[0-9]{1,18}");

	private static final int MAX_NAME = 128;

	private VergeosLimits() {
	}

	static boolean isKey(String key) {
		return KEY.matcher(key).matches();
	}

	/**
	 * @param field the request field the name came in, for the error
	 * @throws InvalidRequestException when VergeOS would refuse the name
	 */
	static void checkName(String field, String name) {
		if (name.isBlank() || name.length() > MAX_NAME) {
			throw InvalidRequestException.field(field, "VergeOS takes 1 to " + MAX_NAME + " characters");
		}
	}

}
