/**
 * Administration (role admin): the console and the JSON API to manage OAuth clients, and
 * the audit log. Who may call the API is {@link club.icourse.auth.admin.AdminApiAccess};
 * its filter chain is wired in {@code security}. It changes clients only through the
 * {@code clients} registry, never through the database.
 */
package club.icourse.auth.admin;
