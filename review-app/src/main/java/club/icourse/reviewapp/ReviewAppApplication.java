package club.icourse.reviewapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The course-review platform. */
@SpringBootApplication
public class ReviewAppApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewAppApplication.class, args);
    }
}
