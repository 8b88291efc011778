package club.icourse.auth.account;

/**
 * An administrator lifted the wait that repeated sign-in failures put on the account.
 */
public record BackoffCleared(long accountId) {
}
