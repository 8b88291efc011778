/**
 * The OAuth 2.1 / OpenID Connect provider (Spring Authorization Server): protocol
 * endpoints, clients, authorizations and consents in MariaDB, signing keys in MariaDB
 * with encrypted private parts, and the claims released per scope.
 */
package club.icourse.auth.oauth;
