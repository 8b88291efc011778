/**
 * "@username" in reviews and comments: finding the people a text mentions and linking
 * them. It knows only people; it never stores or notifies (notification does, from the
 * events of the features that write text).
 */
package club.icourse.reviewapp.mention;
