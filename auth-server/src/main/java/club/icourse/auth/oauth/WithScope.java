package club.icourse.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request whose {@code scope} parameter was changed before the framework read it. */
final class WithScope extends HttpServletRequestWrapper {

	private final Map<String, String[]> parameters;

	WithScope(HttpServletRequest request, String scope) {
		super(request);
		Map<String, String[]> changed = new LinkedHashMap<>(request.getParameterMap());
		changed.put("scope", new String[] { scope });
		this.parameters = Collections.unmodifiableMap(changed);
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 ? null : values[0];
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
