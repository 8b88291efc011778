package club.icourse.auth.registration;

/**
 * A newly issued initial access token: its value, shown to its issuer once, and what it
 * allows.
 */
public record IssuedToken(String value, InitialAccessToken token) {
}
