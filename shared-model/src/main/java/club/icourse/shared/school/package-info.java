/**
 * Which schools may register, and what a university mailbox proves about its owner.
 * Configured per deployment.
 */
package club.icourse.shared.school;
