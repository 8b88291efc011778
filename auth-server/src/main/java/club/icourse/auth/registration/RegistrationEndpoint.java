package club.icourse.auth.registration;

import club.icourse.auth.oauth.ProtocolEndpoints;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The registration endpoint (RFC 7591 3) and each client's configuration endpoint (RFC
 * 7592 2) under it. Both take a bearer token in the header: an initial access token to
 * register, the registration access token to read, change or delete. Errors are those of
 * RFC 7591 3.2.2 and RFC 6750 3.1; nothing here answers 500 to bad input.
 */
@RestController
class RegistrationEndpoint {

	static final String PATH = ProtocolEndpoints.REGISTRATION_ENDPOINT;

	private static final String BEARER = "bearer ";

	private final ClientRegistrations registrations;

	private final AuthorizationServerSettings settings;

	RegistrationEndpoint(ClientRegistrations registrations, AuthorizationServerSettings settings) {
		this.registrations = registrations;
		this.settings = settings;
	}

	@PostMapping(PATH)
	ResponseEntity<Map<String, Object>> register(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) String body) {
		String token = bearer(authorization);
		if (token == null) {
			throw new RegistrationTokenException("No initial access token");
		}
		return answer(HttpStatus.CREATED, registrations.register(token, () -> json(body), base()));
	}

	@GetMapping(PATH + "/{clientId}")
	ResponseEntity<Map<String, Object>> read(@PathVariable String clientId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return answer(HttpStatus.OK, registrations.read(clientId, bearer(authorization), base()));
	}

	@PutMapping(PATH + "/{clientId}")
	ResponseEntity<Map<String, Object>> update(@PathVariable String clientId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) String body) {
		return answer(HttpStatus.OK, registrations.update(clientId, bearer(authorization), () -> json(body), base()));
	}

	@DeleteMapping(PATH + "/{clientId}")
	ResponseEntity<Void> delete(@PathVariable String clientId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		registrations.delete(clientId, bearer(authorization));
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

	@ExceptionHandler(RegistrationTokenException.class)
	ResponseEntity<Map<String, Object>> unauthorized(RegistrationTokenException e) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", "invalid_token", "error_description", e.getMessage()));
	}

	@ExceptionHandler(InvalidRegistrationException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidRegistrationException e) {
		return ResponseEntity.badRequest()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", e.error(), "error_description", e.getMessage()));
	}

	private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, Map<String, Object> body) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	private String base() {
		String issuer = settings.getIssuer();
		String root = issuer != null ? issuer : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return root + PATH;
	}

	private static String bearer(String authorization) {
		if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).strip();
		return token.isEmpty() ? null : token;
	}

	private static Map<String, Object> json(String body) {
		if (body == null || body.isBlank()) {
			throw InvalidRegistrationException.metadata("The request body must be a JSON object of client metadata");
		}
		try {
			return JSONObjectUtils.parse(body);
		}
		catch (ParseException e) {
			throw InvalidRegistrationException.metadata("The request body is not a JSON object");
		}
	}

}
