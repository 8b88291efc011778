/** Rules for account names that registration and profile settings share. */
package club.icourse.shared.account;
