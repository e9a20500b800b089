package io.snapgate.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like;

/**
 * An upstream's memory of one text field, for a WireMock upstream: what an accepted
 * {@code PUT} writes to the field of a row is what every later {@code GET} answers for
 * that row, alone or in a list, whatever the stub's own body says. BCC's
 * {@code modifyAttribute} of a snapshot's {@code desc} and VergeOS's {@code PUT} of a
 * row's {@code description} both behave so.
 */
public final class RememberedText implements ResponseDefinitionTransformerV2 {

	private final String name;

	private final Pattern write;

	private final String field;

	private final String idField;

	private final Map<String, String> written = new ConcurrentHashMap<>();

	/**
	 * @param write the URL of a write, with the row's id as its first group
	 * @param field the text field written and answered
	 * @param idField the field that holds a row's id in what reads answer
	 */
	public RememberedText(String name, Pattern write, String field, String idField) {
		this.name = name;
		this.write = write;
		this.field = field;
		this.idField = idField;
	}

	/** BCC's snapshot descriptions, written by {@code modifyAttribute}. */
	public static RememberedText bccDescriptions() {
		return new RememberedText("bcc-descriptions", Pattern.compile("/v2/snapshot/([A-Za-z0-9-]+)\\?modifyAttribute"),
				"desc", "id");
	}

	/** VergeOS's snapshot profile descriptions, written by {@code PUT}. */
	public static RememberedText vergeosProfileDescriptions() {
		return new RememberedText("vergeos-profile-descriptions",
				Pattern.compile("/api/v4/snapshot_profiles/([0-9]+)(\\?.*)?"), "description", "$key");
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		ResponseDefinition response = event.getResponseDefinition();
		RequestMethod method = event.getRequest().getMethod();
		Matcher matcher = this.write.matcher(event.getRequest().getUrl());
		if (method.equals(RequestMethod.PUT) && matcher.matches() && response.getStatus() / 100 == 2) {
			JsonNode body = JsonMapper.shared().readTree(event.getRequest().getBodyAsString());
			if (body.has(this.field)) {
				this.written.put(matcher.group(1), body.get(this.field).asString());
			}
			return response;
		}
		if (!method.equals(RequestMethod.GET) || response.getBody() == null || this.written.isEmpty()
				|| response.getStatus() != 200) {
			return response;
		}
		JsonNode reply;
		try {
			reply = JsonMapper.shared().readTree(response.getBody());
		}
		catch (RuntimeException ex) {
			return response;
		}
		rewrite(reply);
		return like(response).but().withBody(JsonMapper.shared().writeValueAsString(reply)).build();
	}

	private void rewrite(@Nullable JsonNode node) {
		if (node == null) {
			return;
		}
		if (node instanceof ObjectNode row && row.has(this.idField)) {
			String text = this.written.get(row.get(this.idField).asString());
			if (text != null) {
				row.put(this.field, text);
			}
		}
		node.forEach(this::rewrite);
	}

	/** What was last written for a row, if anything. */
	public @Nullable String of(String id) {
		return this.written.get(id);
	}

	public void clear() {
		this.written.clear();
	}

}
