/**
 * People of the review site: signing in through iCourse ID, and (later) profiles keyed by
 * issuer and subject.
 */
package club.icourse.reviewapp.people;
