package club.icourse.reviewapp.people;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serverUrl where iCourse ID answers (its endpoints are under it)
 * @param issuer its issuer identifier, checked in every ID token and logout token
 * @param publicUrl this site's public address; the provider sends people back to it
 */
@ConfigurationProperties("icourse.id")
record IcourseIdProperties(String serverUrl, String issuer, String clientId, String clientSecret, String publicUrl) {
}
