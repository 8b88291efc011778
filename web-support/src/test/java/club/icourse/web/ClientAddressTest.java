package club.icourse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

	private final ClientAddress behindBalancer = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

	private final ClientAddress direct = new ClientAddress(List.of());

	@Test
	void withoutTrustedProxiesTheHeaderIsIgnored() {
		assertThat(direct.of(request("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7");
	}

	@Test
	void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
		assertThat(behindBalancer.of(request("10.0.0.5", "198.51.100.9"))).isEqualTo("198.51.100.9");
		assertThat(behindBalancer.of(request("10.0.0.5", "1.2.3.4, 198.51.100.9, 10.0.0.6"))).isEqualTo("198.51.100.9");
	}

	@Test
	void aClientCannotChooseItsAddressByWritingTheHeaderItself() {
		assertThat(behindBalancer.of(request("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7");
	}

	@Test
	void garbageInTheHeaderFallsBackToThePeer() {
		assertThat(behindBalancer.of(request("10.0.0.5", "evil.example.com"))).isEqualTo("10.0.0.5");
		assertThat(behindBalancer.of(request("10.0.0.5", "<script>"))).isEqualTo("10.0.0.5");
		assertThat(behindBalancer.of(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
	}

	@Test
	void understandsIpv6() {
		assertThat(behindBalancer.of(request("fd00::1", "2001:db8::42"))).isEqualTo("2001:db8::42");
		assertThat(direct.of(request("2001:db8::1", "2001:db8::42"))).isEqualTo("2001:db8::1");
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
