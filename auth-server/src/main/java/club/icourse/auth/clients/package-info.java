/**
 * The registry of sites that may sign people in: what a client is allowed (redirect URIs,
 * scopes, grants, token lifetimes), the rules a registration must meet, the clients the
 * configuration names, and switching clients off. It must never depend on administration:
 * the console and the API call it.
 */
package club.icourse.auth.clients;
