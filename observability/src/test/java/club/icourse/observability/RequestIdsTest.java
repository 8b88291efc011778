package club.icourse.observability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdsTest {

	@Test
	void aSensibleIdFromTheBalancerIsKeptAndAnythingElseReplaced() throws Exception {
		assertThat(run("0af7651916cd43dd8448eb211c80319c")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(run("<script>alert(1)</script>")).matches("[0-9a-f-]{36}");
		assertThat(run(null)).matches("[0-9a-f-]{36}");
		assertThat(MDC.get(RequestIds.MDC_KEY)).as("cleared after the request").isNull();
	}

	private static String run(String given) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		if (given != null) {
			request.addHeader(RequestIds.HEADER, given);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> logged = new AtomicReference<>();
		new RequestIds().doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(ServletRequest req, ServletResponse res) {
				logged.set(MDC.get(RequestIds.MDC_KEY));
			}
		});
		assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo(logged.get());
		return logged.get();
	}

}
