/**
 * The public statistics page (figures as of any past day, charts, rankings) and the
 * administrators' activity page. It only reads, with aggregate queries; it never lists
 * anything a signed-out visitor could not see.
 */
package club.icourse.reviewapp.stats;
