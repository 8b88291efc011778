/**
 * Scheduled jobs across instances: the schedule, its database locks, and the jobs both
 * apps share.
 */
package club.icourse.scheduling;
