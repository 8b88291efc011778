package club.icourse.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * A passkey authenticator in software, as a browser's WebAuthn calls would drive one: a
 * P-256 key pair, a "none" attestation at registration, signed assertions at sign-in,
 * user presence and verification always given. It talks to the server's WebAuthn
 * endpoints over real HTTP with the person's browser (its cookies and CSRF token), as
 * {@code js/passkeys.js} does, and can claim any origin, to test refusals.
 */
public final class SoftwareAuthenticator {

	/** What the server answered: its status and JSON body. */
	public record Answer(int status, JsonNode body) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyPair keys;

	private final byte[] credentialId = new byte[32];

	private final String rpId;

	private final boolean synced;

	private byte[] userHandle;

	private int signCount;

	/**
	 * @param rpId the relying party id the server binds passkeys to
	 * @param synced whether to say the passkey is backed up (a synced passkey)
	 */
	public SoftwareAuthenticator(String rpId, boolean synced) {
		this.rpId = rpId;
		this.synced = synced;
		RANDOM.nextBytes(credentialId);
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public String credentialId() {
		return base64(credentialId);
	}

	public String userHandle() {
		return base64(userHandle);
	}

	/**
	 * Registers this passkey for the person signed in with {@code browser}, named
	 * {@code name}, from a page at {@code origin}.
	 */
	public Answer register(Browser browser, String origin, String name) throws IOException {
		HtmlElement form = browser.open("/account").getHtmlElementById("passkey-register");
		Answer options = post(browser, form, "/webauthn/register/options", null);
		if (options.status() != 200) {
			return options;
		}
		JsonNode publicKey = options.body();
		userHandle = Base64.getUrlDecoder().decode(publicKey.get("user").get("id").asString());
		byte[] clientData = clientData("webauthn.create", publicKey.get("challenge").asString(), origin);
		byte[] authenticatorData = concat(authenticatorData(true), new byte[16],
				ByteBuffer.allocate(2).putShort((short) credentialId.length).array(), credentialId, coseKey());
		Cbor attestation = new Cbor().map(3)
			.text("fmt")
			.text("none")
			.text("attStmt")
			.map(0)
			.text("authData")
			.bytes(authenticatorData);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", base64(attestation.toByteArray()));
		response.put("clientDataJSON", base64(clientData));
		response.put("transports", List.of("internal"));
		return post(browser, form, "/webauthn/register",
				Map.of("publicKey", Map.of("label", name, "credential", credential(response))));
	}

	/**
	 * Signs in with this passkey alone from the sign-in page, claiming {@code origin},
	 * with the user handle of the account it was registered for.
	 */
	public Answer signIn(Browser browser, String origin) throws IOException {
		return signIn(browser, origin, userHandle);
	}

	/** As {@link #signIn(Browser, String)}, naming the account {@code handle}. */
	public Answer signIn(Browser browser, String origin, byte[] handle) throws IOException {
		return assertion(browser, "/login", origin, handle);
	}

	/**
	 * Shows this passkey as the second step after the password, from the second step's
	 * page (which must offer it).
	 */
	public Answer secondStep(Browser browser, String origin) throws IOException {
		return assertion(browser, "/login/second-factor", origin, userHandle);
	}

	private Answer assertion(Browser browser, String page, String origin, byte[] handle) throws IOException {
		HtmlElement button = browser.open(page).getHtmlElementById("passkey-sign-in");
		Answer options = post(browser, button, "/webauthn/authenticate/options", null);
		if (options.status() != 200) {
			return options;
		}
		byte[] clientData = clientData("webauthn.get", options.body().get("challenge").asString(), origin);
		signCount++;
		byte[] authenticatorData = authenticatorData(false);
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(keys.getPrivate());
			signer.update(concat(authenticatorData, sha256(clientData)));
			signature = signer.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", base64(authenticatorData));
		response.put("clientDataJSON", base64(clientData));
		response.put("signature", base64(signature));
		response.put("userHandle", base64(handle));
		return post(browser, button, "/login/webauthn", credential(response));
	}

	private Map<String, Object> credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", base64(credentialId));
		credential.put("rawId", base64(credentialId));
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return credential;
	}

	/** Sends JSON as the page's script does: with the CSRF header the element carries. */
	private static Answer post(Browser browser, HtmlElement element, String path, Object body) throws IOException {
		WebRequest request = new WebRequest(browser.url(path), HttpMethod.POST);
		request.setAdditionalHeader("Content-Type", "application/json");
		request.setAdditionalHeader("Accept", "application/json");
		request.setAdditionalHeader(element.getAttribute("data-csrf-header"), element.getAttribute("data-csrf-token"));
		if (body != null) {
			request.setRequestBody(JSON.writeValueAsString(body));
		}
		WebResponse response = browser.client().loadWebResponse(request);
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		boolean json = text != null && !text.isBlank() && response.getContentType().contains("json");
		return new Answer(response.getStatusCode(), json ? JSON.readTree(text) : NullNode.getInstance());
	}

	/**
	 * RP id hash, flags (user present and verified, backed up when synced, credential
	 * data attached at registration) and the signature counter.
	 */
	private byte[] authenticatorData(boolean withCredential) {
		int flags = 0x01 | 0x04 | (synced ? 0x08 | 0x10 : 0) | (withCredential ? 0x40 : 0);
		return concat(sha256(rpId.getBytes(StandardCharsets.UTF_8)), new byte[] { (byte) flags },
				ByteBuffer.allocate(4).putInt(signCount).array());
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("challenge", challenge);
		data.put("origin", origin);
		data.put("crossOrigin", false);
		return JSON.writeValueAsBytes(data);
	}

	/** The public key as COSE: EC2, ES256, P-256, x, y. */
	private byte[] coseKey() {
		ECPublicKey key = (ECPublicKey) keys.getPublic();
		return new Cbor().map(5)
			.integer(1)
			.integer(2)
			.integer(3)
			.integer(-7)
			.integer(-1)
			.integer(1)
			.integer(-2)
			.bytes(coordinate(key.getW().getAffineX()))
			.integer(-3)
			.bytes(coordinate(key.getW().getAffineY()))
			.toByteArray();
	}

	private static byte[] coordinate(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Arrays.stream(parts).forEach(out::writeBytes);
		return out.toByteArray();
	}

	private static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
	private static final class Cbor {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Cbor map(int entries) {
			return head(5, entries);
		}

		Cbor integer(long value) {
			return value >= 0 ? head(0, value) : head(1, -1 - value);
		}

		Cbor bytes(byte[] value) {
			head(2, value.length);
			out.writeBytes(value);
			return this;
		}

		Cbor text(String value) {
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			head(3, utf8.length);
			out.writeBytes(utf8);
			return this;
		}

		private Cbor head(int major, long value) {
			if (value < 24) {
				out.write(major << 5 | (int) value);
			}
			else if (value < 0x100) {
				out.write(major << 5 | 24);
				out.write((int) value);
			}
			else if (value < 0x10000) {
				out.write(major << 5 | 25);
				out.writeBytes(ByteBuffer.allocate(2).putShort((short) value).array());
			}
			else {
				out.write(major << 5 | 26);
				out.writeBytes(ByteBuffer.allocate(4).putInt((int) value).array());
			}
			return this;
		}

		byte[] toByteArray() {
			return out.toByteArray();
		}

	}

}
