/**
 * The registry of sites that may sign people in: what a client is allowed (redirect URIs,
 * scopes, grants, token lifetimes), the rules a registration must meet, the clients the
 * configuration names, and switching clients off.
 */
package club.icourse.auth.clients;
