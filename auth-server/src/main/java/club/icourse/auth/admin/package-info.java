/**
 * Administration (role admin): the console and the JSON API to manage OAuth clients, and
 * the audit log.
 */
package club.icourse.auth.admin;
