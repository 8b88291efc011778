/**
 * The one-command local run of the whole product, for people trying it and for
 * developers.
 */
package club.icourse.localrun;
