package club.icourse.auth.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Placeholder until the rate-limit feature lands: the socket peer's address. */
@Component
public class ClientAddress {

    public String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
