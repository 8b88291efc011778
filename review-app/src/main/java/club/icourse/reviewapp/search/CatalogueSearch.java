package club.icourse.reviewapp.search;

import java.util.List;

/** Finds courses (by name, teacher or code) and teachers (by name) for what a person typed. */
public interface CatalogueSearch {

    /** Course ids best first, and teachers. */
    record Hits(List<Long> courses, List<TeacherHit> teachers) {
    }

    record TeacherHit(long id, String name, String department) {
    }

    Hits search(String query, int limit);
}
