package club.icourse.auth.ratelimit;

/** Placeholder until the rate-limit feature lands. */
public enum RateLimit { SIGN_IN_IP, SIGN_IN_ACCOUNT, REGISTRATION_IP, MAIL_ADDRESS, MAIL_IP, AVAILABILITY_IP }
