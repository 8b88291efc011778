-- PKCE is required for every client now (OAuth 2.1, RFC 9700), confidential ones included; an administrator can
-- grant a legacy confidential client an exception in the console. Clients from the configuration are brought in
-- line at start-up anyway.
UPDATE oauth2_registered_client
SET client_settings = REPLACE(client_settings, '"settings.client.require-proof-key":false',
                              '"settings.client.require-proof-key":true');
