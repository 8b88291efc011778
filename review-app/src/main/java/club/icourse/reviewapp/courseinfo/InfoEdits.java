package club.icourse.reviewapp.courseinfo;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.INFO_EDIT;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.TEACHER;
import static org.jooq.impl.DSL.inline;

import club.icourse.reviewapp.people.ShownNames;
import club.icourse.reviewapp.course.CourseChanged;
import club.icourse.reviewapp.moderation.ModerationLog;
import club.icourse.reviewapp.people.Mutes;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewText;
import club.icourse.reviewapp.system.WebAddresses;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.SQLDataType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits of course and teacher information by anyone signed in and not muted (unless an
 * administrator locked it), each kept as a version with its author and time;
 * administrators can revert to any version and lock the information.
 */
@Service
public class InfoEdits {

	public static final int MAX_TEXT = 5000;

	public static final int MAX_HOMEPAGE = 500;

	public static final int MAX_TITLE = 100;

	/** The information as it is now; {@code title} only for a teacher. */
	public record Info(InfoSubject subject, long id, String name, String title, String text, String homepage,
			boolean locked) {
	}

	/** One version; {@code editor} is null for the version before the first edit. */
	/**
	 * @param editor null for the version before any edit, or when the editor's account
	 * was deleted ({@code editorDeleted})
	 */
	public record Version(long id, String title, String text, String homepage, String editor, Long revertedFrom,
			Instant at, boolean editorDeleted) {
	}

	/** What an edit sets ({@code title} is ignored for a course, which has none). */
	public record Change(String title, String text, String homepage) {
	}

	/** The subject's information before a change. */
	private record Current(String title, String text, String homepage, boolean locked) {
	}

	private final DSLContext dsl;

	private final Mutes mutes;

	private final ModerationLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InfoEdits(DSLContext dsl, Mutes mutes, ModerationLog log, ApplicationEventPublisher events, Clock clock) {
		this.dsl = dsl;
		this.mutes = mutes;
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	public Info info(InfoSubject subject, long id) {
		Columns c = Columns.of(subject);
		return dsl.select(c.name, c.title(), c.text, c.homepage, c.locked)
			.from(c.table)
			.where(c.id.eq(id))
			.fetchOptional()
			.map(r -> new Info(subject, id, r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))
			.orElseThrow(() -> new InfoEditRefusedException("not-found"));
	}

	@Transactional
	public void edit(Person editor, InfoSubject subject, long id, Change change) {
		mutes.requireNotMuted(editor);
		Columns c = Columns.of(subject);
		Current current = lockedRow(c, id);
		if (current.locked() && !editor.admin()) {
			throw new InfoEditRefusedException("locked");
		}
		String cleanTitle = c.titled() ? blankToNull(ReviewText.clean(change.title())) : null;
		String cleanText = blankToNull(ReviewText.clean(change.text()));
		String cleanHomepage = blankToNull(ReviewText.clean(change.homepage()));
		if (cleanTitle != null && cleanTitle.codePointCount(0, cleanTitle.length()) > MAX_TITLE) {
			throw new InfoEditRefusedException("title-long");
		}
		if (cleanText != null && cleanText.codePointCount(0, cleanText.length()) > MAX_TEXT) {
			throw new InfoEditRefusedException("text-long");
		}
		if (cleanHomepage != null && !WebAddresses.isWebAddress(cleanHomepage, MAX_HOMEPAGE)) {
			throw new InfoEditRefusedException("homepage");
		}
		store(subject, c, id, current, new Change(cleanTitle, cleanText, cleanHomepage), editor.id(), null);
	}

	@Transactional
	public void revert(Person admin, InfoSubject subject, long id, long versionId) {
		requireAdmin(admin);
		Columns c = Columns.of(subject);
		Current current = lockedRow(c, id);
		var version = dsl.selectFrom(INFO_EDIT)
			.where(INFO_EDIT.ID.eq(versionId))
			.and(INFO_EDIT.SUBJECT_TYPE.eq(subject.value()))
			.and(INFO_EDIT.SUBJECT_ID.eq(id))
			.fetchOptional()
			.orElseThrow(() -> new InfoEditRefusedException("not-found"));
		store(subject, c, id, current, new Change(version.getTitle(), version.getText(), version.getHomepage()),
				admin.id(), versionId);
		log.record(admin.id(), "info.revert", subject.value(), id, "version " + versionId, clock.instant());
	}

	@Transactional
	public void lock(Person admin, InfoSubject subject, long id, boolean locked) {
		requireAdmin(admin);
		Columns c = Columns.of(subject);
		lockedRow(c, id);
		dsl.update(c.table).set(c.locked, locked).where(c.id.eq(id)).execute();
		log.record(admin.id(), locked ? "info.lock" : "info.unlock", subject.value(), id, null, clock.instant());
	}

	/** Every version, newest first. */
	public List<Version> history(InfoSubject subject, long id) {
		return dsl
			.select(INFO_EDIT.ID, INFO_EDIT.TITLE, INFO_EDIT.TEXT, INFO_EDIT.HOMEPAGE, ShownNames.of(PERSON),
					INFO_EDIT.REVERTED_FROM, INFO_EDIT.OCCURRED_AT, PERSON.DELETED_AT)
			.from(INFO_EDIT)
			.leftJoin(PERSON)
			.on(PERSON.ID.eq(INFO_EDIT.EDITOR_ID))
			.where(INFO_EDIT.SUBJECT_TYPE.eq(subject.value()))
			.and(INFO_EDIT.SUBJECT_ID.eq(id))
			.orderBy(INFO_EDIT.ID.desc())
			.fetch(r -> new Version(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7().toInstant(ZoneOffset.UTC), r.value8() != null));
	}

	private void store(InfoSubject subject, Columns c, long id, Current old, Change change, long editorId,
			Long revertedFrom) {
		Instant now = clock.instant();
		if (!dsl.fetchExists(INFO_EDIT, INFO_EDIT.SUBJECT_TYPE.eq(subject.value()).and(INFO_EDIT.SUBJECT_ID.eq(id)))) {
			version(subject, id, new Change(old.title(), old.text(), old.homepage()), null, null, now);
		}
		var update = dsl.update(c.table).set(c.text, change.text()).set(c.homepage, change.homepage());
		if (c.titled()) {
			update = update.set(c.titleField, change.title());
		}
		update.where(c.id.eq(id)).execute();
		version(subject, id, change, editorId, revertedFrom, now);
		if (subject == InfoSubject.COURSE) {
			events.publishEvent(new CourseChanged(id));
		}
	}

	private void version(InfoSubject subject, long id, Change change, Long editorId, Long revertedFrom, Instant at) {
		dsl.insertInto(INFO_EDIT)
			.set(INFO_EDIT.SUBJECT_TYPE, subject.value())
			.set(INFO_EDIT.SUBJECT_ID, id)
			.set(INFO_EDIT.TITLE, change.title())
			.set(INFO_EDIT.TEXT, change.text())
			.set(INFO_EDIT.HOMEPAGE, change.homepage())
			.set(INFO_EDIT.EDITOR_ID, editorId)
			.set(INFO_EDIT.REVERTED_FROM, revertedFrom)
			.set(INFO_EDIT.OCCURRED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.execute();
	}

	/** The subject's row, locked for the change. */
	private Current lockedRow(Columns c, long id) {
		return dsl.select(c.title(), c.text, c.homepage, c.locked)
			.from(c.table)
			.where(c.id.eq(id))
			.forUpdate()
			.fetchOptional()
			.map(r -> new Current(r.value1(), r.value2(), r.value3(), r.value4()))
			.orElseThrow(() -> new InfoEditRefusedException("not-found"));
	}

	static void requireAdmin(Person person) {
		if (!person.admin()) {
			throw new InfoEditRefusedException("not-allowed");
		}
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	/**
	 * The columns of one subject's table, so that courses and teachers share every rule
	 * above.
	 */
	private record Columns(Table<?> table, Field<Long> id, Field<String> name, TableField<?, String> titleField,
			TableField<?, String> text, TableField<?, String> homepage, TableField<?, Boolean> locked) {

		static Columns of(InfoSubject subject) {
			return subject == InfoSubject.COURSE
					? new Columns(COURSE, COURSE.ID, COURSE.NAME, null, COURSE.INTRODUCTION, COURSE.HOMEPAGE,
							COURSE.INFO_LOCKED)
					: new Columns(TEACHER, TEACHER.ID, TEACHER.NAME, TEACHER.TITLE, TEACHER.DESCRIPTION,
							TEACHER.HOMEPAGE, TEACHER.INFO_LOCKED);
		}

		boolean titled() {
			return titleField != null;
		}

		/** The title column, or NULL for a subject without one. */
		Field<String> title() {
			return titled() ? titleField : inline((String) null, SQLDataType.VARCHAR);
		}
	}

}
