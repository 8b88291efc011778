/**
 * People of the review site: signing in through iCourse ID, people keyed by issuer and
 * subject, who is signed in, and whether someone is muted. It uses no other feature
 * package; every feature may use it.
 */
package club.icourse.reviewapp.people;
