/**
 * review-app: the course-review platform. People sign in through auth-server (OpenID
 * Connect) and are keyed by (issuer, subject). One package per feature; {@code system}
 * holds what every feature shares.
 */
package club.icourse.reviewapp;
