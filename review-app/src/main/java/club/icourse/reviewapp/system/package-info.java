/** What every feature of review-app shares: language, layout, error pages. */
package club.icourse.reviewapp.system;
