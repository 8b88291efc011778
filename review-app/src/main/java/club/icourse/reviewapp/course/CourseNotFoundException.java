package club.icourse.reviewapp.course;

import club.icourse.web.NotFoundException;

/** No course or teacher with that id. */
public class CourseNotFoundException extends NotFoundException {

}
