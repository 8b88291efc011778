package club.icourse.auth.account;

/**
 * An administrator disabled the account or cleared its password: every session ends here
 * (the account feature does that), and the features that hold grants for it end them and
 * tell the sites. Published inside the administrator's transaction.
 */
public record AccountLockedOut(long accountId, String subject) {
}
