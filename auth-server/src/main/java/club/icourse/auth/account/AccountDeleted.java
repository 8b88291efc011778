package club.icourse.auth.account;

/**
 * An account was deleted; features that keep something for it (OAuth grants, the sign-in
 * history) drop it. Published inside the deleting transaction, so everything goes or
 * nothing does.
 */
public record AccountDeleted(long accountId, String subject) {
}
