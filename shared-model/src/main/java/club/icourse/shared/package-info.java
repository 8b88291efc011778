/** Types the identity provider and the review app share: affiliations, roles and claim names. Plain Java, no Spring. */
package club.icourse.shared;
