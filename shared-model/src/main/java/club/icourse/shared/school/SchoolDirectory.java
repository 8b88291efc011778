package club.icourse.shared.school;

import club.icourse.shared.Affiliation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schools whose people may register, and which school and affiliation an address proves.
 * The whole address must match: {@code a@mail.ustc.edu.cn.evil.com} or {@code a@evil.mail.ustc.edu.cn} prove nothing.
 */
public final class SchoolDirectory {

    /** A conservative dot-atom: what university mail systems hand out, nothing that needs quoting. */
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9_+\\-]+(\\.[A-Za-z0-9_+\\-]+)*");
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_ADDRESS = 254;

    private final List<School> schools;
    private final Map<String, Match> byDomain;

    private record Match(School school, Affiliation affiliation) {
    }

    private SchoolDirectory(List<School> schools, Map<String, Match> byDomain) {
        this.schools = schools;
        this.byDomain = byDomain;
    }

    public static SchoolDirectory of(List<School> schools) {
        Map<String, Match> byDomain = new HashMap<>();
        Map<String, School> byId = new HashMap<>();
        for (School school : schools) {
            if (byId.put(school.id(), school) != null) {
                throw new IllegalArgumentException("Two schools have the id " + school.id());
            }
            for (EmailDomainRule rule : school.rules()) {
                if (byDomain.put(rule.domain(), new Match(school, rule.affiliation())) != null) {
                    throw new IllegalArgumentException("The domain " + rule.domain() + " is configured twice");
                }
            }
        }
        return new SchoolDirectory(List.copyOf(schools), Map.copyOf(byDomain));
    }

    /** USTC: {@code mail.ustc.edu.cn} for students, {@code ustc.edu.cn} for teachers. */
    public static SchoolDirectory ustc() {
        return of(List.of(new School("ustc", "中国科学技术大学", List.of(
                new EmailDomainRule("mail.ustc.edu.cn", Affiliation.STUDENT),
                new EmailDomainRule("ustc.edu.cn", Affiliation.TEACHER)))));
    }

    public List<School> schools() {
        return schools;
    }

    /** The school and affiliation the address proves, if it is a well-formed address of a configured domain. */
    public Optional<UniversityEmail> classify(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = stripAsciiSpace(raw);
        if (address.isEmpty() || address.length() > MAX_ADDRESS || !isPrintableAscii(address)) {
            return Optional.empty();
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@')) {
            return Optional.empty();
        }
        String localPart = address.substring(0, at);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (localPart.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(localPart).matches()) {
            return Optional.empty();
        }
        Match match = byDomain.get(domain);
        if (match == null) {
            return Optional.empty();
        }
        String normalizedLocalPart = localPart.toLowerCase(Locale.ROOT);
        return Optional.of(new UniversityEmail(normalizedLocalPart + "@" + domain, normalizedLocalPart,
                match.school(), match.affiliation()));
    }

    /** For a mailbox name typed without a domain, the full addresses it could be, one per configured domain. */
    public List<String> completions(String mailboxPrefix) {
        if (mailboxPrefix == null || mailboxPrefix.contains("@")) {
            return List.of();
        }
        String prefix = stripAsciiSpace(mailboxPrefix);
        List<String> completions = new ArrayList<>();
        for (School school : schools) {
            for (EmailDomainRule rule : school.rules()) {
                String candidate = prefix + "@" + rule.domain();
                classify(candidate).ifPresent(email -> completions.add(email.address()));
            }
        }
        return List.copyOf(completions);
    }

    private static String stripAsciiSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isAsciiSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isPrintableAscii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
