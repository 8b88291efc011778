/**
 * The OAuth 2.1 / OpenID Connect provider (Spring Authorization Server): how the protocol
 * endpoints behave ({@link club.icourse.auth.oauth.ProtocolEndpoints}), authorizations
 * and consents in MariaDB, signing keys in MariaDB with encrypted private parts, the
 * claims released per scope, back-channel logout and the sites a person authorized.
 * <p>
 * It reads accounts and must never depend on sign-in, clients or administration; its
 * filter chain is wired in {@code security}.
 */
package club.icourse.auth.oauth;
