package club.icourse.localrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A request sent in two parts over its own connection: the headers and half of the body
 * first, the rest when the test says, so that the request is in flight, read by the
 * server but not finished, at a moment the test chooses.
 */
final class SlowRequest implements AutoCloseable {

	private final Socket socket;

	private final byte[] rest;

	private SlowRequest(Socket socket, byte[] rest) {
		this.socket = socket;
		this.rest = rest;
	}

	/** Starts a form POST: sends the headers and the first half of the body. */
	static SlowRequest beginPost(int port, String path, Map<String, String> headers, String formBody)
			throws IOException {
		byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n").append("Host: 127.0.0.1:")
			.append(port)
			.append("\r\n")
			.append("Content-Type: application/x-www-form-urlencoded\r\n")
			.append("Content-Length: ")
			.append(body.length)
			.append("\r\n")
			.append("Connection: close\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setSoTimeout(60_000);
		OutputStream out = socket.getOutputStream();
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.write(body, 0, body.length / 2);
		out.flush();
		return new SlowRequest(socket, Arrays.copyOfRange(body, body.length / 2, body.length));
	}

	/** Sends the rest of the body and returns the status line of the answer. */
	String finish() throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(rest);
		out.flush();
		BufferedReader answer = new BufferedReader(
				new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
		String statusLine = answer.readLine();
		return statusLine == null ? "(connection closed without an answer)" : statusLine;
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
