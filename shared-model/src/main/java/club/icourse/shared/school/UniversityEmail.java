package club.icourse.shared.school;

import club.icourse.shared.Affiliation;

/**
 * A university mailbox that passed its school's rules, as
 * {@link SchoolDirectory#classify} returns it.
 *
 * @param address the normalized address: trimmed and lower-cased,
 * {@code localPart@domain}
 * @param localPart the lower-cased mailbox name before the {@code @}
 */
public record UniversityEmail(String address, String localPart, School school, Affiliation affiliation) {
}
