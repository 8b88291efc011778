/**
 * Course and teacher information edited by the community: versions with their author,
 * reverts and locks by administrators, and the course's teachers. It never changes a
 * review or a course's figures; its moderation acts go to the moderation log.
 */
package club.icourse.reviewapp.courseinfo;
