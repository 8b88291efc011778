package club.icourse.auth.account;

/**
 * Why an account change was refused: the form field at fault and the message key that
 * says why.
 */
record AccountProblem(String field, String messageKey) {
}
