package io.snapgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request goes out byte for
 * byte as written, so that no client library escapes, re-encodes, normalises or refuses
 * it first.
 */
public final class RawHttp {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] END_OF_HEADERS = { '\r', '\n', '\r', '\n' };

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/** Sends the request and reads the answer until the server closes the connection. */
	public Response send(byte[] request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 5_000);
			// a server that never answers fails the test instead of hanging it
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (SocketException ex) {
				// the server may answer and close before it has read all of a request it
				// refuses
			}
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				received.write(buffer, 0, n);
			}
		}
		catch (SocketException ex) {
			// a reset after the answer: what arrived before it is the answer
		}
		return received.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] wanted, int from) {
		for (int i = from; i <= data.length - wanted.length; i++) {
			if (Arrays.equals(data, i, i + wanted.length, wanted, 0, wanted.length)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A request as written. Its request line and headers are text sent as ISO-8859-1, so
	 * that each char up to U+00FF is one byte: U+00C3 followed by '(' goes out as 0xC3
	 * 0x28, which is not UTF-8. Every request says {@code Host} and
	 * {@code Connection: close} before the headers given.
	 */
	public static final class Request {

		private final ByteArrayOutputStream head = new ByteArrayOutputStream();

		private boolean framed;

		private Request(String method, String target) {
			line(method + " " + target + " HTTP/1.1");
			line("Host: localhost");
			line("Connection: close");
		}

		public static Request of(String method, String target) {
			return new Request(method, target);
		}

		/** Adds a header line, as often as it is called for the same name. */
		public Request header(String name, String value) {
			String lower = name.toLowerCase(Locale.ROOT);
			this.framed |= lower.equals("content-length") || lower.equals("transfer-encoding");
			return line(name + ": " + value);
		}

		/**
		 * The bytes to send, with a {@code Content-Length} unless a framing header was
		 * given.
		 */
		public byte[] body(byte[] body) {
			if (!this.framed) {
				header("Content-Length", String.valueOf(body.length));
			}
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(this.head.toByteArray());
			request.writeBytes(CRLF);
			request.writeBytes(body);
			return request.toByteArray();
		}

		public byte[] body(String utf8) {
			return body(utf8.getBytes(StandardCharsets.UTF_8));
		}

		public byte[] noBody() {
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(this.head.toByteArray());
			request.writeBytes(CRLF);
			return request.toByteArray();
		}

		private Request line(String line) {
			this.head.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
			this.head.writeBytes(CRLF);
			return this;
		}

	}

	/**
	 * An answer as it came over the wire.
	 *
	 * @param status the status code, or 0 when the server closed the connection without
	 * answering
	 * @param headers the header lines as sent, without the status line
	 * @param body the body, de-chunked, decoded as UTF-8
	 */
	public record Response(int status, List<String> headers, String body) {

		static Response parse(byte[] raw) {
			int end = indexOf(raw, END_OF_HEADERS, 0);
			if (end < 0) {
				return new Response(0, List.of(), new String(raw, StandardCharsets.ISO_8859_1));
			}
			List<String> lines = List.of(new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n"));
			int status = Integer.parseInt(lines.getFirst().split(" ", 3)[1]);
			Response head = new Response(status, lines.subList(1, lines.size()), "");
			byte[] body = Arrays.copyOfRange(raw, end + END_OF_HEADERS.length, raw.length);
			if (head.header("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
				body = dechunk(body);
			}
			return new Response(status, head.headers(), new String(body, StandardCharsets.UTF_8));
		}

		/** The first value of the header, if the answer has it. */
		public Optional<String> header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return this.headers.stream()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((line) -> line.substring(prefix.length()).strip())
				.findFirst();
		}

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOf(chunked, CRLF, at);
				if (lineEnd < 0) {
					break;
				}
				String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";", -1)[0]
					.strip();
				int length = Integer.parseInt(size, 16);
				if (length == 0) {
					break;
				}
				int start = lineEnd + CRLF.length;
				body.write(chunked, start, Math.min(length, chunked.length - start));
				at = start + length + CRLF.length;
			}
			return body.toByteArray();
		}

		@Override
		public String toString() {
			return this.status + " " + contentType() + " " + this.body.substring(0, Math.min(this.body.length(), 300));
		}

	}

}
