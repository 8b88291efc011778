package club.icourse.auth.oauth;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * RFC 7523 2.2 makes {@code client_id} optional beside a {@code client_assertion}: the
 * assertion's subject names the client. The framework requires the parameter, so a client
 * that leaves it out (as the OpenID Foundation suite does) gets it here from the
 * assertion's {@code sub}, read without trusting it: the framework then checks the
 * assertion's signature against that client's keys and that its issuer and subject are
 * that client.
 */
final class ClientIdFromAssertion extends OncePerRequestFilter {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null
				|| !JWT_BEARER.equals(request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE))
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String subject;
		try {
			subject = JWTParser.parse(request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION))
				.getJWTClaimsSet()
				.getSubject();
		}
		catch (ParseException e) {
			subject = null;
		}
		chain.doFilter(subject == null ? request : new WithClientId(request, subject), response);
	}

	private static final class WithClientId extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		WithClientId(HttpServletRequest request, String clientId) {
			super(request);
			Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
			all.put(OAuth2ParameterNames.CLIENT_ID, new String[] { clientId });
			this.parameters = Collections.unmodifiableMap(all);
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

	}

}
