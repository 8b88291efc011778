/**
 * People's public pages and their settings: what they show (never anonymous reviews,
 * except to their author and administrators), avatars, and privacy switches. It reads
 * reviews and follows through their features and writes only the person's own profile.
 */
package club.icourse.reviewapp.profile;
