package club.icourse.auth.oauth;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import club.icourse.shared.Scopes;

/**
 * Clients this deployment knows from its configuration, registered (or updated) at start-up: the review app, a
 * first-party client that skips the consent page, and in the local run a demo third-party site that asks for consent.
 */
@Component
class KnownClients {

    private static final Logger log = LoggerFactory.getLogger(KnownClients.class);

    /**
     * @param id the client id
     * @param secret the client secret; the client is not registered while it is blank
     * @param redirectUris where codes may be sent
     * @param postLogoutRedirectUris where people may be sent after signing out
     * @param firstParty whether the client is part of this product (no consent page)
     * @param backchannelLogoutUri where the client receives logout tokens when a person signs out here (optional)
     */
    record Client(String id, String name, String secret, List<String> redirectUris, List<String> postLogoutRedirectUris,
                  boolean firstParty, String backchannelLogoutUri) {
    }

    @ConfigurationProperties("icourse.oidc.known-clients")
    record Settings(List<Client> clients) {

        Settings {
            clients = clients == null ? List.of() : List.copyOf(clients);
        }
    }

    private final RegisteredClientRepository repository;
    private final Settings settings;

    KnownClients(RegisteredClientRepository repository, Settings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        for (Client client : settings.clients()) {
            if (client.secret() == null || client.secret().isBlank()) {
                continue;
            }
            RegisteredClient existing = repository.findByClientId(client.id());
            repository.save(toRegistered(client, existing == null ? UUID.randomUUID().toString() : existing.getId()));
            log.info("Registered {} client {} ({})", client.firstParty() ? "first-party" : "third-party", client.id(),
                    String.join(", ", client.redirectUris()));
        }
    }

    static RegisteredClient toRegistered(Client client, String id) {
        RegisteredClient.Builder builder = RegisteredClient.withId(id)
                .clientId(client.id())
                .clientName(client.name() == null ? client.id() : client.name())
                .clientSecret(new ClientSecrets().encode(client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL).scope(Scopes.SCHOOL)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(!client.firstParty())
                        .setting(PairwiseSubjects.FIRST_PARTY_SETTING, client.firstParty())
                        .setting(BackChannelLogout.URI_SETTING, client.backchannelLogoutUri() == null ? "" : client.backchannelLogoutUri())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofDays(30))
                        .reuseRefreshTokens(false)
                        .build());
        client.redirectUris().forEach(builder::redirectUri);
        if (client.postLogoutRedirectUris() != null) {
            client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        }
        return builder.build();
    }
}
