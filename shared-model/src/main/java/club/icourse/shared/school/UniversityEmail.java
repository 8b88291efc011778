package club.icourse.shared.school;

import club.icourse.shared.Affiliation;

/**
 * A university mailbox that passed a school's rules.
 *
 * @param address the normalized address: trimmed and lower-cased
 */
public record UniversityEmail(String address, String localPart, School school, Affiliation affiliation) {
}
