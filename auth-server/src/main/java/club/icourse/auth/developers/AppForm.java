package club.icourse.auth.developers;

import club.icourse.auth.clients.ClientDefinition;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The portal's "register an app" form. */
public class AppForm {

	private String name = "";

	private String homepageUri = "";

	private String policyUri = "";

	private String tosUri = "";

	private String redirectUris = "";

	private String backchannelLogoutUri = "";

	private Set<String> scopes = new LinkedHashSet<>(List.of("openid"));

	private boolean confidential = true;

	/**
	 * A confidential app may also get tokens for itself (client credentials), which is
	 * how it reads the review site's public data without a person (docs/developers.md).
	 */
	ClientDefinition toDefinition() {
		return new ClientDefinition("", name, confidential, false, lines(redirectUris), List.of(), backchannelLogoutUri,
				scopes, confidential, null, null, null);
	}

	AppMetadata toMetadata() {
		return new AppMetadata(homepageUri, policyUri, tosUri);
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).toList();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getHomepageUri() {
		return homepageUri;
	}

	public void setHomepageUri(String homepageUri) {
		this.homepageUri = homepageUri;
	}

	public String getPolicyUri() {
		return policyUri;
	}

	public void setPolicyUri(String policyUri) {
		this.policyUri = policyUri;
	}

	public String getTosUri() {
		return tosUri;
	}

	public void setTosUri(String tosUri) {
		this.tosUri = tosUri;
	}

	public String getRedirectUris() {
		return redirectUris;
	}

	public void setRedirectUris(String redirectUris) {
		this.redirectUris = redirectUris;
	}

	public String getBackchannelLogoutUri() {
		return backchannelLogoutUri;
	}

	public void setBackchannelLogoutUri(String backchannelLogoutUri) {
		this.backchannelLogoutUri = backchannelLogoutUri;
	}

	public Set<String> getScopes() {
		return scopes;
	}

	public void setScopes(Set<String> scopes) {
		this.scopes = scopes == null ? new LinkedHashSet<>() : scopes;
	}

	public boolean isConfidential() {
		return confidential;
	}

	public void setConfidential(boolean confidential) {
		this.confidential = confidential;
	}

}
