package dev.timeledger.web.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A WebSocket client written byte by byte, for the frames a well-behaved client library
 * never sends: any handshake header, unmasked or reserved WebSocket frames, and STOMP
 * frames that are broken on purpose. Every read is bounded by a timeout.
 */
public final class RawStompClient implements AutoCloseable {

	/**
	 * The close code reported when the server dropped the connection without a close
	 * frame.
	 */
	public static final int DROPPED = -1;

	private static final int TEXT = 0x1;

	private static final int BINARY = 0x2;

	private static final int CLOSE = 0x8;

	private static final int PING = 0x9;

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private RawStompClient(Socket socket, DataInputStream in) throws IOException {
		this.socket = socket;
		this.in = in;
		this.out = socket.getOutputStream();
	}

	/** Opens {@code /ws}; fails unless the server switches protocols. */
	public static RawStompClient open(int port) {
		Handshake handshake = handshake(port, Map.of());
		if (handshake.client() == null) {
			throw new IllegalStateException("WebSocket handshake answered " + handshake.status());
		}
		return handshake.client();
	}

	/**
	 * Sends a WebSocket handshake for {@code /ws} with extra headers (such as
	 * {@code Origin}).
	 * @return the status, and the open client when it is 101
	 */
	public static Handshake handshake(int port, Map<String, String> headers) {
		try {
			Socket socket = new Socket("127.0.0.1", port);
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\n").append("Host: 127.0.0.1:")
				.append(port)
				.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
				.append("Sec-WebSocket-Key: ")
				.append(Base64.getEncoder().encodeToString(random(16)))
				.append("\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			DataInputStream in = new DataInputStream(socket.getInputStream());
			String statusLine = readLine(in);
			while (!readLine(in).isEmpty()) {
				// the response headers
			}
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			if (status != 101) {
				socket.close();
				return new Handshake(status, null);
			}
			return new Handshake(status, new RawStompClient(socket, in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends {@code CONNECT} without heart-beats, with this {@code Authorization} header
	 * value (none when null).
	 */
	public RawStompClient connect(String authorization) {
		sendText((authorization != null)
				? StompFrames.frame("CONNECT", "accept-version:1.2", "host:127.0.0.1", "heart-beat:0,0",
						"Authorization:" + authorization)
				: StompFrames.frame("CONNECT", "accept-version:1.2", "host:127.0.0.1", "heart-beat:0,0"));
		return this;
	}

	public void sendText(String text) {
		sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8), true);
	}

	public void sendBinary(byte[] bytes) {
		sendFrame(BINARY, bytes, true);
	}

	/**
	 * Sends one final WebSocket frame; clients must mask, {@code masked=false} breaks
	 * that rule on purpose.
	 */
	public void sendFrame(int opcode, byte[] payload, boolean masked) {
		try {
			ByteArrayOutputStream frame = new ByteArrayOutputStream();
			frame.write(0x80 | opcode);
			int maskBit = masked ? 0x80 : 0;
			if (payload.length < 126) {
				frame.write(maskBit | payload.length);
			}
			else if (payload.length < 65536) {
				frame.write(maskBit | 126);
				frame.write(payload.length >>> 8);
				frame.write(payload.length & 0xFF);
			}
			else {
				frame.write(maskBit | 127);
				for (int shift = 56; shift >= 0; shift -= 8) {
					frame.write((int) (((long) payload.length >>> shift) & 0xFF));
				}
			}
			byte[] body = payload.clone();
			if (masked) {
				byte[] mask = random(4);
				frame.write(mask);
				for (int i = 0; i < body.length; i++) {
					body[i] ^= mask[i % 4];
				}
			}
			frame.write(body);
			this.out.write(frame.toByteArray());
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The next STOMP frame (heart-beats skipped), or null when the connection ends or
	 * nothing comes within the timeout.
	 */
	public StompFrames.Frame nextFrame(Duration timeout) {
		String text = nextText(timeout, (frame) -> StompFrames.parse(frame) != null);
		return (text != null) ? StompFrames.parse(text) : null;
	}

	/**
	 * Waits for a heart-beat (a frame of end-of-line characters only), skipping other
	 * frames.
	 * @return whether one came within the timeout
	 */
	public boolean awaitHeartbeat(Duration timeout) {
		return nextText(timeout, (frame) -> StompFrames.parse(frame) == null) != null;
	}

	/**
	 * The next text or binary frame's text that is {@code wanted}, skipping others; null
	 * when the connection ends or none comes within the timeout.
	 */
	private String nextText(Duration timeout, Predicate<String> wanted) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			WsFrame frame = readFrame(deadline);
			if (frame == null || frame.opcode() == CLOSE) {
				return null;
			}
			if (frame.opcode() == TEXT || frame.opcode() == BINARY) {
				String text = new String(frame.payload(), StandardCharsets.UTF_8);
				if (wanted.test(text)) {
					return text;
				}
			}
		}
		return null;
	}

	/**
	 * Reads until the server closes the connection.
	 * @return the close frame's status code, or {@link #DROPPED}
	 * @throws AssertionError when the connection is still open after the timeout
	 */
	public int awaitClose(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			WsFrame frame = readFrame(deadline);
			if (frame == null) {
				if (System.nanoTime() < deadline) {
					return DROPPED;
				}
				break;
			}
			if (frame.opcode() == CLOSE) {
				return (frame.payload().length >= 2) ? ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF)
						: DROPPED;
			}
		}
		throw new AssertionError("the server did not close the connection within " + timeout);
	}

	/** One server frame, null at the end of the stream or at the deadline. */
	private WsFrame readFrame(long deadline) {
		try {
			long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
			this.socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
			int first = this.in.read();
			if (first < 0) {
				return null;
			}
			int second = this.in.readUnsignedByte();
			long length = second & 0x7F;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			byte[] payload = new byte[(int) length];
			this.in.readFully(payload);
			int opcode = first & 0x0F;
			if (opcode == PING) {
				sendFrame(0xA, payload, true);
			}
			return new WsFrame(opcode, payload);
		}
		catch (SocketTimeoutException ex) {
			return null;
		}
		catch (EOFException ex) {
			return null;
		}
		catch (IOException ex) {
			// a reset connection is a dropped one
			return null;
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("the server closed the connection during the handshake");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	/**
	 * The answer to a handshake.
	 *
	 * @param status the HTTP status
	 * @param client the open connection when the status is 101, else null
	 */
	public record Handshake(int status, RawStompClient client) {
	}

	private record WsFrame(int opcode, byte[] payload) {
	}

}
