/** What every feature of auth-server shares: language, layout, error pages. */
package club.icourse.auth.system;
