/**
 * Accounts: registration with a university email, the mailed confirmation and reset
 * links, passwords and usernames, the account page and deleting an account (announced as
 * {@link club.icourse.auth.account.AccountDeleted}). It also names who acts, for the
 * audit log ({@link club.icourse.auth.account.Actors}).
 * <p>
 * It must never depend on sign-in, OAuth, clients or administration: features above it
 * add to the account page through {@link club.icourse.auth.account.AccountPageSection},
 * sign a person in through {@link club.icourse.auth.account.MailboxSignIn}, and drop what
 * they keep for an account by listening to its deletion.
 */
package club.icourse.auth.account;
