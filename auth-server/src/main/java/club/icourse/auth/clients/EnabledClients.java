package club.icourse.auth.clients;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The clients the protocol endpoints see: a client an administrator switched off is unknown to them, so it can
 * neither start a sign-in nor obtain or use a token. Changes go through {@link ClientRegistry}, not here.
 */
@Component
class EnabledClients implements RegisteredClientRepository {

    private final JdbcRegisteredClientRepository clients;

    EnabledClients(JdbcTemplate jdbc) {
        this.clients = new JdbcRegisteredClientRepository(jdbc);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        clients.save(registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return enabled(clients.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return enabled(clients.findByClientId(clientId));
    }

    private static RegisteredClient enabled(RegisteredClient client) {
        return client == null || ClientDefinition.isDisabled(client) ? null : client;
    }
}
