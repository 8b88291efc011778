package club.icourse.auth.ratelimit;

import org.springframework.stereotype.Service;

/** Placeholder until the rate-limit feature lands. */
@Service
public class RateLimiter {

    public void consume(RateLimit limit, String key) {
    }
}
