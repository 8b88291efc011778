package club.icourse.auth.registration;

/**
 * An initial access token as a page lists it: with its owner's name and whether it still
 * opens the endpoint.
 */
public record TokenRow(InitialAccessToken token, String owner, boolean usable) {
}
