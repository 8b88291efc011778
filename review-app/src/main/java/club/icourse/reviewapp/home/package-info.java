/** The front page: what the site is, and the way into the catalogue. */
package club.icourse.reviewapp.home;
