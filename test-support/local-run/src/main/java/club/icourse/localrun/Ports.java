package club.icourse.localrun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

final class Ports {

	private Ports() {
	}

	/**
	 * The preferred port when nothing listens there, so that bookmarks keep working; else
	 * any free one.
	 */
	static int preferredOrFree(int preferred) {
		return isFree(preferred) ? preferred : free();
	}

	static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException("No free port on the loopback interface", e);
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

}
