package club.icourse.reviewapp.moderation;

/**
 * Refused: nothing such to report or act on (or not one this person may), or a value not
 * on the list.
 */
public class ModerationRefusedException extends RuntimeException {

}
