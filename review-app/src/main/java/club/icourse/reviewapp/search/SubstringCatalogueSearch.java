package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.TEACHER;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import java.text.Normalizer;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Substring matching in the database (LIKE '%…%'), which finds Chinese substrings that MariaDB's FULLTEXT cannot.
 * It scans: acceptable at catalogue size only, until the search index lands. Course codes match as prefixes.
 */
@Component
class SubstringCatalogueSearch implements CatalogueSearch {

    private final DSLContext dsl;

    SubstringCatalogueSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Hits search(String query, int limit) {
        String text = normalize(query);
        if (text.isEmpty()) {
            return new Hits(List.of(), List.of());
        }
        String contains = "%" + escape(text) + "%";
        String prefix = escape(text) + "%";
        var byTeacher = exists(select(COURSE_TEACHER.TEACHER_ID).from(COURSE_TEACHER).join(TEACHER).on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
                .where(COURSE_TEACHER.COURSE_ID.eq(COURSE.ID)).and(TEACHER.NAME.like(contains, '!')));
        var byCode = exists(select(COURSE_TERM.ID).from(COURSE_TERM)
                .where(COURSE_TERM.COURSE_ID.eq(COURSE.ID)).and(COURSE_TERM.COURSE_CODE.like(prefix, '!')));
        var byName = COURSE.NAME.like(contains, '!');
        List<Long> courses = dsl.select(COURSE.ID).from(COURSE).leftJoin(COURSE_STATS).on(COURSE_STATS.COURSE_ID.eq(COURSE.ID))
                .where(byName.or(byTeacher).or(byCode))
                .orderBy(when(COURSE.NAME.eq(text), inline(0)).when(byName, inline(1)).when(byCode, inline(2)).otherwise(inline(3)),
                        COURSE_STATS.NORMALIZED_RATING.desc(), COURSE.ID)
                .limit(limit)
                .fetch(COURSE.ID);
        List<TeacherHit> teachers = dsl.select(TEACHER.ID, TEACHER.NAME, DEPARTMENT.NAME).from(TEACHER)
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(TEACHER.DEPARTMENT_ID))
                .where(TEACHER.NAME.like(contains, '!'))
                .orderBy(when(TEACHER.NAME.eq(text), inline(0)).otherwise(inline(1)), TEACHER.NAME)
                .limit(limit)
                .fetch(r -> new TeacherHit(r.value1(), r.value2(), r.value3()));
        return new Hits(courses, teachers);
    }

    /** NFKC (full-width letters to half-width), trimmed, a trailing 老师 / 教授 dropped. */
    static String normalize(String query) {
        String text = query == null ? "" : Normalizer.normalize(query, Normalizer.Form.NFKC).strip();
        text = text.replaceFirst("(老师|教授)$", "").strip();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
