package club.icourse.reviewapp.follow;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such person, or oneself. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PersonNotFollowableException extends RuntimeException {

}
