package dev.timeledger.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's HTTP client against a server written by hand on loopback, which answers
 * each request with the next canned answer and counts its connections.
 */
class KeepAliveHttpTests {

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private ServerSocket server;

	private KeepAliveHttp http;

	@BeforeEach
	void start() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::serve, "fake-server");
		acceptor.setDaemon(true);
		acceptor.start();
		this.http = new KeepAliveHttp("127.0.0.1", this.server.getLocalPort(), Duration.ofSeconds(5));
	}

	@AfterEach
	void stop() throws IOException {
		this.http.close();
		this.server.close();
	}

	@Test
	void answersWithALengthOrInChunks_comeWholeOverOneConnection() throws IOException {
		this.answers
			.add("HTTP/1.1 201 \r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"id\":\"e\"}\n");
		this.answers.add("HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");
		this.answers.add("HTTP/1.1 204 \r\n\r\n");

		KeepAliveHttp.Answer created = this.http.send("POST", "/api/time-entries", "t", "{\"x\":1}");
		KeepAliveHttp.Answer chunked = this.http.send("POST", "/api/time-entries/stop", "t", "{}");
		KeepAliveHttp.Answer empty = this.http.send("DELETE", "/api/time-entries/running", "t", "");

		assertThat(created).isEqualTo(new KeepAliveHttp.Answer(201, "{\"id\":\"e\"}\n"));
		assertThat(chunked).isEqualTo(new KeepAliveHttp.Answer(200, "{\"a\":1}"));
		assertThat(empty.status()).isEqualTo(204);
		assertThat(this.connections).hasValue(1);
		assertThat(this.requests.get(0)).startsWith("POST /api/time-entries HTTP/1.1\r\n")
			.contains("Authorization: Bearer t\r\n", "Content-Length: 7\r\n")
			.endsWith("\r\n\r\n{\"x\":1}");
	}

	@Test
	void afterConnectionClose_theNextRequestOpensANewConnection() throws IOException {
		this.answers.add("HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
		this.answers.add("HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\nok");

		assertThat(this.http.send("GET", "/a", "t", "").body()).isEqualTo("ok");
		assertThat(this.http.send("GET", "/b", "t", "").body()).isEqualTo("ok");

		assertThat(this.connections).hasValue(2);
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				this.connections.incrementAndGet();
				InputStream in = socket.getInputStream();
				OutputStream out = socket.getOutputStream();
				for (String request = read(in); request != null; request = read(in)) {
					this.requests.add(request);
					String answer = this.answers.take();
					out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
					if (answer.contains("Connection: close")) {
						break;
					}
				}
			}
			catch (IOException | InterruptedException ex) {
				return;
			}
		}
	}

	/** A request's head and body, or null when the client closed the connection. */
	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				return null;
			}
			head.write(c);
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		int at = text.indexOf("Content-Length: ");
		int length = (at < 0) ? 0 : Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)).trim());
		return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
