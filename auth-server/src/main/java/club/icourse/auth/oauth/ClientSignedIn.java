package club.icourse.auth.oauth;

/**
 * A person signed in to a third-party client: an ID token was issued for an authorization
 * code (refreshes are not sign-ins). Published while the token is made; the developer
 * portal counts these per day.
 */
public record ClientSignedIn(String clientId) {
}
