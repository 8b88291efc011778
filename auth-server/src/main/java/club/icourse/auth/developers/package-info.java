/**
 * The developer portal: apps people register themselves (through the portal or dynamic
 * registration), who owns and tests each, an administrator's approval, logos, rotating
 * secrets with a grace period, sign-ins per day, transfer and deletion. It creates and
 * changes clients only through {@code clients.ClientRegistry}, and answers the protocol's
 * questions (may this person use this client? how is it presented on the consent page?)
 * through the interfaces {@code oauth} declares. It must never depend on administration
 * or security: the console calls it.
 */
package club.icourse.auth.developers;
