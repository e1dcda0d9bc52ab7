package dev.timeledger.ops;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One blocking HTTP/1.1 connection, kept alive between requests: the load generator of
 * the throughput benchmark. The JDK's {@code HttpClient} hands every exchange between its
 * own threads, which on two cores shared with the server cost about 0.4 ms of CPU per
 * command; a plain socket written and read by the calling thread costs a fraction of it.
 * Understands what the server answers: a {@code Content-Length} or chunked body, and
 * {@code Connection: close}, after which the next request opens a new connection.
 */
final class KeepAliveHttp implements Closeable {

	private final String host;

	private final int port;

	private final int timeoutMillis;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	KeepAliveHttp(String host, int port, Duration timeout) {
		this.host = host;
		this.port = port;
		this.timeoutMillis = (int) timeout.toMillis();
	}

	/** The status and body of an answer. */
	record Answer(int status, String body) {
	}

	/**
	 * Sends a request with a JSON body and reads its whole answer.
	 * @throws IOException when the connection fails; it is closed, and the next request
	 * opens a new one
	 */
	Answer send(String method, String path, String token, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = method + " " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port
				+ "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
				+ body.length + "\r\n\r\n";
		boolean reused = this.socket != null;
		try {
			return exchange(head, body);
		}
		catch (NoAnswer ex) {
			close();
			if (!reused) {
				throw ex;
			}
			// the server had closed the idle connection: the request never reached it
			return send(method, path, token, json);
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private Answer exchange(String head, byte[] body) throws IOException {
		if (this.socket == null) {
			connect();
		}
		try {
			this.out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			this.out.write(body);
			this.out.flush();
		}
		catch (IOException ex) {
			throw new NoAnswer(ex);
		}
		int first = this.in.read();
		if (first < 0) {
			throw new NoAnswer(new EOFException("The connection was closed before an answer"));
		}
		return read((char) first);
	}

	private void connect() throws IOException {
		Socket opened = new Socket();
		opened.setTcpNoDelay(true);
		opened.connect(new InetSocketAddress(this.host, this.port), this.timeoutMillis);
		opened.setSoTimeout(this.timeoutMillis);
		this.socket = opened;
		this.in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
		this.out = opened.getOutputStream();
	}

	private Answer read(char first) throws IOException {
		String status = first + line();
		if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
			throw new IOException("Not an HTTP/1.1 status line: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closing = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (long size = chunkSize(); size > 0; size = chunkSize()) {
				copy(size, body);
				line();
			}
			// trailers, up to the empty line
			while (!line().isEmpty()) {
				// ignored
			}
		}
		else if (length > 0) {
			copy(length, body);
		}
		else if (length < 0 && code >= 200 && code != 204 && code != 304) {
			// no length: the body ends with the connection
			this.in.transferTo(body);
			closing = true;
		}
		if (closing) {
			close();
		}
		return new Answer(code, body.toString(StandardCharsets.UTF_8));
	}

	private long chunkSize() throws IOException {
		String size = line();
		int extension = size.indexOf(';');
		return Long.parseLong((extension < 0) ? size.trim() : size.substring(0, extension).trim(), 16);
	}

	private void copy(long count, ByteArrayOutputStream to) throws IOException {
		byte[] buffer = new byte[(int) Math.min(count, 8192)];
		for (long left = count; left > 0;) {
			int read = this.in.read(buffer, 0, (int) Math.min(left, buffer.length));
			if (read < 0) {
				throw new EOFException("The connection ended inside a body");
			}
			to.write(buffer, 0, read);
			left -= read;
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
			if (c < 0) {
				throw new EOFException("The connection ended inside an answer's head");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	/** The connection failed before any byte of an answer arrived. */
	private static final class NoAnswer extends IOException {

		NoAnswer(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

}
