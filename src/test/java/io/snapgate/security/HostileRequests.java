package io.snapgate.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.snapgate.testing.RawHttp;

/**
 * Requests that only a raw socket sends as they are written: malformed and overlong
 * percent-escapes, bytes that are not UTF-8 in the request line, in path segments, in
 * headers and in bodies, oversized, repeated and blank headers, content types that the
 * endpoints do not take, and query parameters that a write does not take. The gateway
 * must refuse each of them. Most are writes that, well-formed, would reach an upstream:
 * {@link #wellFormedWrites} are those.
 */
final class HostileRequests {

	/**
	 * Percent-escapes that decode to no UTF-8 text: cut short, not hex, not UTF-8, an
	 * overlong '/'.
	 */
	static final List<String> MALFORMED_ESCAPES = List.of("%", "%zz", "%C3%28", "%FF%FE", "%C0%AF", "%FF");

	/**
	 * 0xC3 0x28 once sent (see {@link RawHttp.Request}): 0xC3 starts a sequence that 0x28
	 * does not continue.
	 */
	static final String NOT_UTF8 = "\u00c3(";

	/** 0xFF 0xC3 0x28 once sent: no UTF-8 text starts with 0xFF. */
	static final String NOT_TEXT = "\u00ff" + NOT_UTF8;

	static final String CREATE = "{\"provider\":\"fuzz-verge\",\"name\":\"pre-upgrade\",\"retention\":\"P7D\"}";

	static final String RESTORE = "{\"snapshotId\":\"fuzz-sys:12\",\"target\":{\"type\":\"VM\",\"member\":\"web-01\"},"
			+ "\"newName\":\"web-01-copy\"}";

	static final String DELETE = "/snapshots/fuzz-verge:12";

	static final String PATCH = "{\"description\":\"kept for the audit\"}";

	private final String key;

	HostileRequests(String key) {
		this.key = key;
	}

	/**
	 * The requests that reach an upstream with a write when nothing in them is hostile.
	 */
	List<Case> wellFormedWrites() {
		return List.of(new Case("create", json("POST", "/snapshots").body(CREATE)),
				new Case("restore", json("POST", "/restores").body(RESTORE)),
				new Case("delete", authenticated("DELETE", DELETE).noBody()),
				new Case("change", json("PATCH", DELETE).body(PATCH)));
	}

	List<Case> all() {
		List<Case> cases = new ArrayList<>();
		for (String escape : MALFORMED_ESCAPES) {
			cases.addAll(malformedEscapes(escape));
		}
		cases.addAll(rawBytes());
		cases.addAll(pathsAndHeadersThatAreNotText());
		cases.addAll(unknownParametersAndBlankKeys());
		cases.addAll(oversizedAndRepeatedHeaders());
		cases.addAll(contentTypes());
		return cases;
	}

	private List<Case> malformedEscapes(String escape) {
		return List.of(
				new Case("list with the query value " + escape,
						authenticated("GET", "/snapshots?name=" + escape).noBody()),
				new Case("list with the query name " + escape,
						authenticated("GET", "/snapshots?" + escape + "=1").noBody()),
				new Case("create with the query " + escape, json("POST", "/snapshots?wait=" + escape).body(CREATE)),
				new Case("restore with the query " + escape, json("POST", "/restores?x=" + escape).body(RESTORE)),
				new Case("delete with the query " + escape, authenticated("DELETE", DELETE + "?x=" + escape).noBody()),
				new Case("read of the path segment " + escape, authenticated("GET", "/snapshots/" + escape).noBody()),
				new Case("members of the native id " + escape,
						authenticated("GET", "/snapshots/fuzz-sys:" + escape + "/members").noBody()),
				new Case("delete of the native id " + escape,
						authenticated("DELETE", "/snapshots/fuzz-verge:" + escape).noBody()),
				new Case("change of the native id " + escape,
						json("PATCH", "/snapshots/fuzz-verge:" + escape).body(PATCH)),
				new Case("change with the query " + escape, json("PATCH", DELETE + "?x=" + escape).body(PATCH)),
				new Case("delete of the path segment " + escape,
						authenticated("DELETE", "/snapshots/" + escape).noBody()),
				new Case("restore status of " + escape, authenticated("GET", "/restores/" + escape).noBody()),
				new Case("read of the policy " + escape, authenticated("GET", "/policies/fuzz-sys:" + escape).noBody()),
				new Case("replace of the policy " + escape,
						json("PUT", "/policies/fuzz-sys:" + escape).body("{\"name\":\"x\"}")),
				new Case("delete of the policy " + escape, authenticated("DELETE", "/policies/" + escape).noBody()),
				new Case("X-API-Key with " + escape,
						RawHttp.Request.of("POST", "/snapshots")
							.header("X-API-Key", this.key + escape)
							.header("Content-Type", "application/json")
							.body(CREATE)),
				new Case("Idempotency-Key with " + escape,
						json("POST", "/snapshots").header("Idempotency-Key", "key-" + escape).body(CREATE)));
	}

	private List<Case> rawBytes() {
		return List.of(
				new Case("create with bytes that are not UTF-8 in a body string",
						json("POST", "/snapshots").body(latin1(CREATE.replace("pre-upgrade", "pre" + NOT_UTF8)))),
				new Case("create with bytes that are not UTF-8 between the body's fields",
						json("POST", "/snapshots").body(latin1(CREATE.replace(",", "," + NOT_UTF8)))),
				new Case("restore with bytes that are not UTF-8 in the member",
						json("POST", "/restores").body(latin1(RESTORE.replace("web-01\"", "web" + NOT_UTF8 + "\"")))),
				new Case("list with bytes that are not UTF-8 in the query",
						authenticated("GET", "/snapshots?name=" + NOT_UTF8).noBody()),
				new Case("create with bytes that are not UTF-8 in the query",
						json("POST", "/snapshots?wait=" + NOT_UTF8).body(CREATE)),
				new Case("delete with bytes that are not UTF-8 in the query",
						authenticated("DELETE", DELETE + "?x=" + NOT_UTF8).noBody()),
				new Case("delete with bytes that are not UTF-8 in the path",
						authenticated("DELETE", "/snapshots/fuzz-verge:" + NOT_UTF8).noBody()),
				new Case("X-API-Key with bytes that are not UTF-8",
						RawHttp.Request.of("POST", "/snapshots")
							.header("X-API-Key", this.key + NOT_UTF8)
							.header("Content-Type", "application/json")
							.body(CREATE)),
				new Case("Authorization: ApiKey with bytes that are not UTF-8",
						RawHttp.Request.of("POST", "/snapshots")
							.header("Authorization", "ApiKey " + this.key + NOT_UTF8)
							.header("Content-Type", "application/json")
							.body(CREATE)),
				new Case("Idempotency-Key with bytes that are not UTF-8",
						json("POST", "/snapshots").header("Idempotency-Key", "key-" + NOT_UTF8).body(CREATE)),
				new Case("Idempotency-Key in Latin-1",
						json("POST", "/snapshots").header("Idempotency-Key", "cl\u00e9-1").body(CREATE)),
				new Case("Content-Type with bytes that are not UTF-8",
						authenticated("POST", "/snapshots")
							.header("Content-Type", "application/json; charset=" + NOT_UTF8)
							.body(CREATE)));
	}

	private List<Case> pathsAndHeadersThatAreNotText() {
		return List.of(
				new Case("read with bytes that are not text in the path",
						authenticated("GET", "/snapshots/" + NOT_TEXT).noBody()),
				new Case("members with bytes that are not text in the native id",
						authenticated("GET", "/snapshots/fuzz-sys:" + NOT_TEXT + "/members").noBody()),
				new Case("restore status with bytes that are not text in the path",
						authenticated("GET", "/restores/" + NOT_TEXT).noBody()),
				new Case("delete with bytes that are not text in the path",
						authenticated("DELETE", "/snapshots/" + NOT_TEXT).noBody()),
				new Case("create with an Accept that is not text",
						json("POST", "/snapshots").header("Accept", NOT_TEXT).body(CREATE)),
				new Case("restore with an Accept that is not text",
						json("POST", "/restores").header("Accept", "application/" + NOT_TEXT).body(RESTORE)),
				new Case("delete with an Accept that is not text",
						authenticated("DELETE", DELETE).header("Accept", NOT_TEXT).noBody()),
				new Case("an unknown path with an Accept that is not text",
						authenticated("GET", "/nothing-here").header("Accept", NOT_TEXT).noBody()),
				new Case("create with a Content-Type that is not text",
						authenticated("POST", "/snapshots").header("Content-Type", NOT_TEXT).body(CREATE)),
				new Case("create with a bearer token that is not text",
						RawHttp.Request.of("POST", "/snapshots")
							.header("Authorization", "Bearer " + NOT_TEXT)
							.header("Content-Type", "application/json")
							.body(CREATE)),
				new Case("delete with an X-API-Key that is not text",
						RawHttp.Request.of("DELETE", DELETE).header("X-API-Key", NOT_TEXT).noBody()),
				new Case("create with an Idempotency-Key that is not text",
						json("POST", "/snapshots").header("Idempotency-Key", NOT_TEXT).body(CREATE)),
				new Case("create with a header name that is not text",
						json("POST", "/snapshots").header("X-" + NOT_TEXT, "1").body(CREATE)));
	}

	private List<Case> unknownParametersAndBlankKeys() {
		return List.of(new Case("create with a misspelled flag", json("POST", "/snapshots?dryrun=true").body(CREATE)),
				new Case("create with a declared and an unknown parameter",
						json("POST", "/snapshots?wait=true&retention=P7D").body(CREATE)),
				new Case("restore with an unknown parameter", json("POST", "/restores?foo=1").body(RESTORE)),
				new Case("delete with an unknown flag", authenticated("DELETE", DELETE + "?force=true").noBody()),
				new Case("create with an empty Idempotency-Key",
						json("POST", "/snapshots").header("Idempotency-Key", "").body(CREATE)),
				new Case("create with a blank Idempotency-Key",
						json("POST", "/snapshots").header("Idempotency-Key", "   ").body(CREATE)),
				new Case("delete with a blank Idempotency-Key",
						authenticated("DELETE", DELETE).header("Idempotency-Key", " ").noBody()));
	}

	private List<Case> oversizedAndRepeatedHeaders() {
		return List
			.of(new Case("a header beyond Tomcat's header size",
					json("POST", "/snapshots").header("X-Padding", "x".repeat(16 * 1024)).body(CREATE)),
					new Case("an X-API-Key beyond Tomcat's header size",
							RawHttp.Request.of("POST", "/snapshots")
								.header("X-API-Key", this.key + "x".repeat(16 * 1024))
								.header("Content-Type", "application/json")
								.body(CREATE)),
					new Case("an Idempotency-Key beyond Tomcat's header size",
							json("POST", "/snapshots").header("Idempotency-Key", "k".repeat(16 * 1024)).body(CREATE)),
					new Case("more headers than Tomcat takes",
							repeated(json("POST", "/snapshots"), 150, (i) -> "X-Padding-" + i + ": " + i).body(CREATE)),
					new Case("many X-API-Key, the first one valid",
							repeated(authenticated("POST", "/snapshots"), 40, (i) -> "X-API-Key: other-" + i).header(
									"Content-Type", "application/json")
								.body(CREATE)),
					new Case("many X-API-Key, the last one valid",
							repeated(RawHttp.Request.of("POST", "/snapshots"), 40, (i) -> "X-API-Key: other-" + i)
								.header("X-API-Key", this.key)
								.header("Content-Type", "application/json")
								.body(CREATE)),
					new Case("the valid X-API-Key twice",
							authenticated("DELETE", DELETE).header("X-API-Key", this.key).noBody()),
					new Case("an X-API-Key and an Authorization: ApiKey",
							authenticated("DELETE", DELETE).header("Authorization", "ApiKey other-" + this.key)
								.noBody()),
					new Case("two Content-Length that differ",
							json("POST", "/snapshots").header("Content-Length", String.valueOf(CREATE.length()))
								.header("Content-Length", String.valueOf(CREATE.length() - 10))
								.body(CREATE)),
					new Case("two Content-Length that agree",
							json("POST", "/snapshots").header("Content-Length", String.valueOf(CREATE.length()))
								.header("Content-Length", String.valueOf(CREATE.length()))
								.body(CREATE)),
					new Case("many Idempotency-Key",
							repeated(json("POST", "/snapshots"), 40, (i) -> "Idempotency-Key: key-" + i).body(CREATE)),
					new Case("the same Idempotency-Key twice",
							json("POST", "/snapshots").header("Idempotency-Key", "key-1")
								.header("Idempotency-Key", "key-1")
								.body(CREATE)),
					new Case("more query parameters than Tomcat takes",
							authenticated("DELETE", DELETE + "?" + "a=1&".repeat(1_100)).noBody()));
	}

	private List<Case> contentTypes() {
		List<Case> cases = new ArrayList<>();
		for (String type : List.of("text/plain", "application/xml", "application/json; charset=nope",
				"application/json; charset=", "multipart/form-data", "application/x-www-form-urlencoded", "*/*",
				"application/", "json")) {
			cases.add(new Case("create as " + type,
					authenticated("POST", "/snapshots").header("Content-Type", type).body(CREATE)));
		}
		cases.add(new Case("create without a Content-Type", authenticated("POST", "/snapshots").body(CREATE)));
		cases.add(new Case("create as a form with a malformed escape",
				authenticated("POST", "/snapshots").header("Content-Type", "application/x-www-form-urlencoded")
					.body("provider=fuzz-verge&name=%C3%28")));
		String largeForm = "provider=fuzz-verge&name=" + "x".repeat(100 * 1024);
		cases.add(new Case("create as a form larger than Tomcat takes",
				authenticated("POST", "/snapshots").header("Content-Type", "application/x-www-form-urlencoded")
					.body(largeForm)));
		cases.add(new Case("create as a streamed form larger than Tomcat takes",
				authenticated("POST", "/snapshots").header("Content-Type", "application/x-www-form-urlencoded")
					.header("Transfer-Encoding", "chunked")
					.body(chunked(largeForm))));
		cases.add(new Case("restore as multipart/form-data without a boundary",
				authenticated("POST", "/restores").header("Content-Type", "multipart/form-data").body(RESTORE)));
		return cases;
	}

	private RawHttp.Request authenticated(String method, String target) {
		return RawHttp.Request.of(method, target).header("X-API-Key", this.key);
	}

	private RawHttp.Request json(String method, String target) {
		return authenticated(method, target).header("Content-Type", "application/json");
	}

	private static RawHttp.Request repeated(RawHttp.Request request, int times, Function<Integer, String> line) {
		for (int i = 0; i < times; i++) {
			String[] header = line.apply(i).split(": ", 2);
			request.header(header[0], header[1]);
		}
		return request;
	}

	private static byte[] chunked(String body) {
		return (Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** One request and what it is, for the test's report. */
	// the bytes are sent, never compared as a whole
	@SuppressWarnings("ArrayRecordComponent")
	record Case(String name, byte[] bytes) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
