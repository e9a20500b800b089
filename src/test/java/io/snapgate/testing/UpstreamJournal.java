package io.snapgate.testing;

import java.util.List;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * What a WireMock upstream's journal shows of the requests it was sent.
 */
public final class UpstreamJournal {

	private UpstreamJournal() {
	}

	/**
	 * Every request that was not a read, in the order they came, as {@code METHOD url}.
	 */
	public static List<String> writes(WireMockExtension upstream) {
		return upstream.getAllServeEvents()
			.reversed()
			.stream()
			.map((event) -> event.getRequest())
			.filter((request) -> !request.getMethod().equals(RequestMethod.GET))
			.map((request) -> request.getMethod() + " " + request.getUrl())
			.toList();
	}

	/** Every request, in the order they came, as {@code METHOD url}. */
	public static List<String> requests(WireMockExtension upstream) {
		return upstream.getAllServeEvents()
			.reversed()
			.stream()
			.map((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
			.toList();
	}

}
