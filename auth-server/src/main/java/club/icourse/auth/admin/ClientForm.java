package club.icourse.auth.admin;

import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The console's client form: one URI per line, lifetimes in minutes and days. */
public class ClientForm {

	private String clientId = "";

	private String name = "";

	private boolean confidential = true;

	private boolean firstParty;

	private String redirectUris = "";

	private String postLogoutRedirectUris = "";

	private String backchannelLogoutUri = "";

	private List<String> scopes = new ArrayList<>(ClientDefinition.SIGN_IN_SCOPES);

	private boolean clientCredentials;

	private String accessTokenMinutes = String.valueOf(ClientDefinition.DEFAULT_ACCESS_TOKEN_LIFETIME.toMinutes());

	private String refreshTokenDays = String.valueOf(ClientDefinition.DEFAULT_REFRESH_TOKEN_LIFETIME.toDays());

	private String idTokenAlgorithm = "RS256";

	private boolean withoutPkce;

	private boolean resourceServer;

	static ClientForm of(ClientDefinition client) {
		ClientForm form = new ClientForm();
		form.clientId = client.clientId();
		form.name = client.name();
		form.confidential = client.confidential();
		form.firstParty = client.firstParty();
		form.redirectUris = String.join("\n", client.redirectUris());
		form.postLogoutRedirectUris = String.join("\n", client.postLogoutRedirectUris());
		form.backchannelLogoutUri = client.backchannelLogoutUri();
		form.scopes = new ArrayList<>(client.scopes());
		form.clientCredentials = client.clientCredentials();
		form.accessTokenMinutes = String.valueOf(client.accessTokenLifetime().toMinutes());
		form.refreshTokenDays = String.valueOf(client.refreshTokenLifetime().toDays());
		form.idTokenAlgorithm = client.idTokenAlgorithm();
		form.withoutPkce = client.withoutPkce();
		form.resourceServer = client.resourceServer();
		return form;
	}

	/** The definition this form describes, or what in the form cannot be read as one. */
	ClientDefinition toDefinition(List<ClientProblem> unreadable) {
		Optional<Long> minutes = number(accessTokenMinutes);
		Optional<Long> days = number(refreshTokenDays);
		if (minutes.isEmpty()) {
			unreadable.add(new ClientProblem("accessTokenMinutes", "access-lifetime", null));
		}
		if (days.isEmpty()) {
			unreadable.add(new ClientProblem("refreshTokenDays", "refresh-lifetime", null));
		}
		return new ClientDefinition(clientId, name, confidential, firstParty, lines(redirectUris),
				lines(postLogoutRedirectUris), backchannelLogoutUri,
				scopes == null ? new LinkedHashSet<>() : new LinkedHashSet<>(scopes), clientCredentials,
				minutes.map(Duration::ofMinutes).orElse(null), days.map(Duration::ofDays).orElse(null),
				idTokenAlgorithm, withoutPkce, resourceServer);
	}

	private static List<String> lines(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static Optional<Long> number(String text) {
		try {
			return Optional.of(Long.parseLong(text == null ? "" : text.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	public String getClientId() {
		return clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public boolean isConfidential() {
		return confidential;
	}

	public void setConfidential(boolean confidential) {
		this.confidential = confidential;
	}

	public boolean isFirstParty() {
		return firstParty;
	}

	public void setFirstParty(boolean firstParty) {
		this.firstParty = firstParty;
	}

	public String getRedirectUris() {
		return redirectUris;
	}

	public void setRedirectUris(String redirectUris) {
		this.redirectUris = redirectUris;
	}

	public String getPostLogoutRedirectUris() {
		return postLogoutRedirectUris;
	}

	public void setPostLogoutRedirectUris(String postLogoutRedirectUris) {
		this.postLogoutRedirectUris = postLogoutRedirectUris;
	}

	public String getBackchannelLogoutUri() {
		return backchannelLogoutUri;
	}

	public void setBackchannelLogoutUri(String backchannelLogoutUri) {
		this.backchannelLogoutUri = backchannelLogoutUri;
	}

	public List<String> getScopes() {
		return scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = scopes;
	}

	public boolean isClientCredentials() {
		return clientCredentials;
	}

	public void setClientCredentials(boolean clientCredentials) {
		this.clientCredentials = clientCredentials;
	}

	public String getAccessTokenMinutes() {
		return accessTokenMinutes;
	}

	public void setAccessTokenMinutes(String accessTokenMinutes) {
		this.accessTokenMinutes = accessTokenMinutes;
	}

	public String getRefreshTokenDays() {
		return refreshTokenDays;
	}

	public void setRefreshTokenDays(String refreshTokenDays) {
		this.refreshTokenDays = refreshTokenDays;
	}

	public String getIdTokenAlgorithm() {
		return idTokenAlgorithm;
	}

	public void setIdTokenAlgorithm(String idTokenAlgorithm) {
		this.idTokenAlgorithm = idTokenAlgorithm;
	}

	public boolean isWithoutPkce() {
		return withoutPkce;
	}

	public void setWithoutPkce(boolean withoutPkce) {
		this.withoutPkce = withoutPkce;
	}

	public boolean isResourceServer() {
		return resourceServer;
	}

	public void setResourceServer(boolean resourceServer) {
		this.resourceServer = resourceServer;
	}

}
