package club.icourse.reviewapp.course;

/** No course or teacher with that id. */
public class CourseNotFoundException extends RuntimeException {

}
