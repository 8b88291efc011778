package club.icourse.reviewapp.courseinfo;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.TEACHER;
import static club.icourse.db.review.Tables.TEACHER_PHOTO;

import club.icourse.reviewapp.moderation.ModerationLog;
import club.icourse.reviewapp.people.Mutes;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.ShownNames;
import club.icourse.web.UploadedImages;
import club.icourse.web.UploadedImages.ImageRefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers' photos, moderated as their information is: anyone signed in and not muted
 * uploads one (unless an administrator locked the teacher), every photo ever uploaded is
 * kept with who uploaded it, and an administrator shows any earlier one again or none.
 */
@Service
public class TeacherPhotos {

	static final int SIDE = 256;

	/** One uploaded photo; {@code shown} when it is the teacher's photo now. */
	public record PhotoVersion(long id, String uploader, Instant at, boolean shown) {
	}

	private final DSLContext dsl;

	private final Mutes mutes;

	private final ModerationLog log;

	private final Clock clock;

	TeacherPhotos(DSLContext dsl, Mutes mutes, ModerationLog log, Clock clock) {
		this.dsl = dsl;
		this.mutes = mutes;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public void upload(Person editor, long teacherId, byte[] upload) throws ImageRefusedException {
		mutes.requireNotMuted(editor);
		boolean locked = lockedTeacher(teacherId);
		if (locked && !editor.admin()) {
			throw new InfoEditRefusedException("locked");
		}
		byte[] png = UploadedImages.toPng(upload, SIDE);
		long photoId = dsl.insertInto(TEACHER_PHOTO)
			.set(TEACHER_PHOTO.TEACHER_ID, teacherId)
			.set(TEACHER_PHOTO.PNG, png)
			.set(TEACHER_PHOTO.UPLOADER_ID, editor.id())
			.set(TEACHER_PHOTO.UPLOADED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.returning(TEACHER_PHOTO.ID)
			.fetchSingle()
			.getId();
		dsl.update(TEACHER).set(TEACHER.PHOTO_ID, photoId).where(TEACHER.ID.eq(teacherId)).execute();
	}

	/** Shows one of the teacher's photos again, or none ({@code photoId} null). */
	@Transactional
	public void show(Person admin, long teacherId, Long photoId) {
		InfoEdits.requireAdmin(admin);
		lockedTeacher(teacherId);
		if (photoId != null && !dsl.fetchExists(TEACHER_PHOTO,
				TEACHER_PHOTO.ID.eq(photoId).and(TEACHER_PHOTO.TEACHER_ID.eq(teacherId)))) {
			throw new InfoEditRefusedException("not-found");
		}
		dsl.update(TEACHER).set(TEACHER.PHOTO_ID, photoId).where(TEACHER.ID.eq(teacherId)).execute();
		log.record(admin.id(), "photo.show", InfoSubject.TEACHER.value(), teacherId,
				photoId == null ? "none" : "photo " + photoId, clock.instant());
	}

	/** A photo of the teacher, current or earlier (the edit page lists them all). */
	public Optional<byte[]> png(long teacherId, long photoId) {
		return dsl.select(TEACHER_PHOTO.PNG)
			.from(TEACHER_PHOTO)
			.where(TEACHER_PHOTO.ID.eq(photoId))
			.and(TEACHER_PHOTO.TEACHER_ID.eq(teacherId))
			.fetchOptional(TEACHER_PHOTO.PNG);
	}

	/** Every photo of the teacher, newest first. */
	public List<PhotoVersion> versions(long teacherId) {
		return dsl.select(TEACHER_PHOTO.ID, ShownNames.of(PERSON), TEACHER_PHOTO.UPLOADED_AT, TEACHER.PHOTO_ID)
			.from(TEACHER_PHOTO)
			.join(TEACHER)
			.on(TEACHER.ID.eq(TEACHER_PHOTO.TEACHER_ID))
			.join(PERSON)
			.on(PERSON.ID.eq(TEACHER_PHOTO.UPLOADER_ID))
			.where(TEACHER_PHOTO.TEACHER_ID.eq(teacherId))
			.orderBy(TEACHER_PHOTO.ID.desc())
			.fetch(r -> new PhotoVersion(r.value1(), r.value2(), r.value3().toInstant(ZoneOffset.UTC),
					r.value1().equals(r.value4())));
	}

	/**
	 * Whether the teacher's information is locked; the row stays locked for the change.
	 */
	private boolean lockedTeacher(long teacherId) {
		return dsl.select(TEACHER.INFO_LOCKED)
			.from(TEACHER)
			.where(TEACHER.ID.eq(teacherId))
			.forUpdate()
			.fetchOptional(TEACHER.INFO_LOCKED)
			.orElseThrow(() -> new InfoEditRefusedException("not-found"));
	}

}
