package io.snapgate.api;

import java.util.Optional;

import io.snapgate.domain.ProviderId;

/**
 * Ids that carry a provider and an adapter's handle, sealed so that only this gateway
 * issues them and any replica can open them: what makes a restore or a copy readable
 * anywhere without a store.
 */
final class SealedIds {

	static final int MAX_ID_LENGTH = 2048;

	private final TokenSigner signer;

	private final String version;

	private final int maxHandleLength;

	/**
	 * @param version what tells this kind of id from the others the signer seals
	 * @param maxHandleLength the longest handle the adapters issue
	 */
	SealedIds(TokenSigner signer, String version, int maxHandleLength) {
		this.signer = signer;
		this.version = version;
		this.maxHandleLength = maxHandleLength;
	}

	String seal(ProviderId provider, String handle) {
		return this.signer.seal(this.version + "\n" + provider.value() + "\n" + handle);
	}

	/**
	 * What the id holds; empty when it is not an id of this kind that this gateway
	 * sealed.
	 */
	Optional<Opened> open(String id) {
		if (id.length() > MAX_ID_LENGTH) {
			return Optional.empty();
		}
		return this.signer.open(id)
			.map((payload) -> payload.split("\n", 3))
			.filter(this::wellFormed)
			.map((parts) -> new Opened(new ProviderId(parts[1]), parts[2]));
	}

	private boolean wellFormed(String[] parts) {
		return parts.length == 3 && this.version.equals(parts[0]) && ProviderId.isValid(parts[1]) && !parts[2].isEmpty()
				&& parts[2].length() <= this.maxHandleLength;
	}

	/**
	 * What a sealed id holds.
	 */
	record Opened(ProviderId provider, String handle) {
	}

}
