/**
 * Types the identity provider and the review app share: affiliations, roles, claim and
 * scope names. Plain Java, no Spring.
 */
package club.icourse.shared;
