/**
 * What every feature of review-app shares: language, layout, site addresses, jOOQ
 * settings, clock. It is the bottom of the package graph: it must never use a feature
 * package.
 */
package club.icourse.reviewapp.system;
