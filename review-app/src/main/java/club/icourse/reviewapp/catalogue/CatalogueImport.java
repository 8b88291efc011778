package club.icourse.reviewapp.catalogue;

import club.icourse.reviewapp.catalogue.CatalogueStore.Offering;
import club.icourse.reviewapp.catalogue.CatalogueStore.OfferingKey;
import club.icourse.reviewapp.course.CourseChanged;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a catalogue file: checks all of it, then applies it in one transaction, so a file
 * is either imported whole or not at all. Idempotent: what the file says is compared with
 * what is stored, and only the differences are written. Nothing is deleted (reviews hang
 * on courses): a course whose teacher set changed is another course, and the terms a file
 * does not list stay as they are; the classes of an offering the file lists become
 * exactly its list. {@link CourseChanged} is published for every course added or changed,
 * including courses of a renamed teacher.
 */
@Service
public class CatalogueImport {

	private final CatalogueStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CatalogueImport(CatalogueStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Imports a catalogue file, or throws {@link CatalogueRefusedException} having stored
	 * nothing.
	 */
	@Transactional
	public ImportSummary load(byte[] json) {
		CatalogueFile file = CatalogueReader.read(json);
		try {
			return apply(file);
		}
		catch (DataIntegrityViolationException e) {
			// Two spellings the database holds apart but this import took for one (or the
			// other way round): refuse
			// the file, as a reader's problem, rather than fail the request.
			throw new CatalogueRefusedException(List.of(CatalogueProblem.of("file", "", "conflict")));
		}
	}

	/** The departments after the import: their ids by folded code, and what changed. */
	private record Departments(Map<String, Long> ids, int added, int renamed) {
	}

	/**
	 * The teachers after the import: their ids by folded key, how many were added or
	 * changed, and the ids of those renamed (their courses change too).
	 */
	private record Teachers(Map<String, Long> ids, int added, int changed, List<Long> renamed) {
	}

	/**
	 * Each course of the file as stored (after adding the new ones), and the ids of those
	 * added.
	 */
	private record Courses(Map<CatalogueFile.Course, CatalogueStore.Course> stored, Set<Long> added) {

		List<Long> ids() {
			return stored.values().stream().map(CatalogueStore.Course::id).toList();
		}

	}

	/** What comparing the file's courses with the stored ones found to write. */
	private static final class CourseUpdates {

		final Set<Long> changed = new LinkedHashSet<>();

		final List<CatalogueStore.Course> courses = new ArrayList<>();

		final Map<Long, List<Long>> teachers = new HashMap<>();

		final Map<Long, List<Offering>> offerings = new HashMap<>();

		final Set<Long> ofRenamedTeachers = new TreeSet<>();

		int termsAdded;

		int termsUpdated;

	}

	private ImportSummary apply(CatalogueFile file) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		Departments departments = importDepartments(file);
		Teachers teachers = importTeachers(file, departments.ids(), now);
		Courses courses = addNewCourses(file, teachers.ids(), departments.ids(), now);
		CourseUpdates updates = updateCourses(file, courses, teachers, departments.ids());
		updates.changed.removeAll(courses.added());
		Set<Long> published = new LinkedHashSet<>(courses.added());
		published.addAll(updates.changed);
		published.addAll(updates.ofRenamedTeachers);
		published.forEach(course -> events.publishEvent(new CourseChanged(course)));
		int inFile = new LinkedHashSet<>(courses.ids()).size();
		return new ImportSummary(departments.added(), departments.renamed(), teachers.added(), teachers.changed(),
				courses.added().size(), updates.changed.size(),
				inFile - courses.added().size() - updates.changed.size(), updates.termsAdded, updates.termsUpdated);
	}

	private Departments importDepartments(CatalogueFile file) {
		Map<String, CatalogueStore.Department> stored = store.departments();
		List<CatalogueFile.Department> added = file.departments()
			.stream()
			.filter(d -> !stored.containsKey(Keys.fold(d.code())))
			.toList();
		List<CatalogueFile.Department> renamed = file.departments()
			.stream()
			.filter(d -> stored.containsKey(Keys.fold(d.code())))
			.filter(d -> !stored.get(Keys.fold(d.code())).name().equals(d.name()))
			.toList();
		store.upsertDepartments(concat(added, renamed));
		return new Departments(ids(store.departments(), CatalogueStore.Department::id), added.size(), renamed.size());
	}

	private Teachers importTeachers(CatalogueFile file, Map<String, Long> departmentIds, LocalDateTime now) {
		Map<String, CatalogueStore.Teacher> stored = store.teachers();
		List<CatalogueStore.TeacherValues> changes = new ArrayList<>();
		List<Long> renamed = new ArrayList<>();
		int added = 0;
		for (CatalogueFile.Teacher teacher : file.teachers()) {
			Long department = id(departmentIds, teacher.department());
			CatalogueStore.Teacher current = stored.get(Keys.fold(teacher.key()));
			if (current == null) {
				added++;
			}
			else if (!current.name().equals(teacher.name())) {
				renamed.add(current.id());
			}
			else if (Objects.equals(current.departmentId(), department)) {
				continue;
			}
			changes.add(new CatalogueStore.TeacherValues(teacher.key(), teacher.name(), department));
		}
		store.upsertTeachers(changes, now);
		return new Teachers(ids(store.teachers(), CatalogueStore.Teacher::id), added, changes.size() - added, renamed);
	}

	private Courses addNewCourses(CatalogueFile file, Map<String, Long> teacherIds, Map<String, Long> departmentIds,
			LocalDateTime now) {
		Map<String, CatalogueStore.Course> stored = store.courses();
		Map<CatalogueFile.Course, String> keys = new LinkedHashMap<>();
		List<CatalogueStore.CourseValues> newCourses = new ArrayList<>();
		for (CatalogueFile.Course course : file.courses()) {
			String teacherKey = CatalogueStore.teacherKey(course, teacherIds);
			keys.put(course, CatalogueStore.courseKey(course.name(), teacherKey));
			if (!stored.containsKey(keys.get(course))) {
				newCourses.add(new CatalogueStore.CourseValues(course.name(), teacherKey,
						id(departmentIds, course.department())));
			}
		}
		store.insertCourses(newCourses, now);
		Map<String, CatalogueStore.Course> courses = store.courses();
		Set<Long> added = new LinkedHashSet<>();
		newCourses.forEach(c -> added.add(courses.get(CatalogueStore.courseKey(c.name(), c.teacherKey())).id()));
		store.createFigures(added);
		Map<CatalogueFile.Course, CatalogueStore.Course> byFileCourse = new LinkedHashMap<>();
		keys.forEach((course, key) -> byFileCourse.put(course, courses.get(key)));
		return new Courses(byFileCourse, added);
	}

	/**
	 * Compares each course of the file with what is stored (name and department, teacher
	 * set, offerings) and writes the differences.
	 */
	private CourseUpdates updateCourses(CatalogueFile file, Courses courses, Teachers teachers,
			Map<String, Long> departmentIds) {
		List<Long> ids = courses.ids();
		Map<Long, List<Long>> storedTeachersOf = store.teachersOf(ids);
		Map<OfferingKey, Offering> storedOfferings = store.offeringsOf(ids);
		CourseUpdates updates = new CourseUpdates();
		updates.ofRenamedTeachers.addAll(store.coursesTaughtBy(teachers.renamed()));
		for (CatalogueFile.Course course : file.courses()) {
			CatalogueStore.Course stored = courses.stored().get(course);
			long id = stored.id();
			Long department = id(departmentIds, course.department());
			if (!courses.added().contains(id)
					&& (!stored.name().equals(course.name()) || !Objects.equals(stored.departmentId(), department))) {
				updates.courses.add(new CatalogueStore.Course(id, course.name(), department));
				updates.changed.add(id);
			}
			List<Long> teacherIds = course.teachers().stream().map(key -> teachers.ids().get(Keys.fold(key))).toList();
			if (!teacherIds.equals(storedTeachersOf.getOrDefault(id, List.of()))) {
				updates.teachers.put(id, teacherIds);
				updates.changed.add(id);
			}
			compareOfferings(course, id, departmentIds, storedOfferings, updates);
			if (updates.ofRenamedTeachers.contains(id)) {
				updates.changed.add(id);
			}
		}
		store.updateCourses(updates.courses);
		store.replaceTeachers(updates.teachers);
		store.upsertOfferings(updates.offerings);
		return updates;
	}

	private static void compareOfferings(CatalogueFile.Course course, long id, Map<String, Long> departmentIds,
			Map<OfferingKey, Offering> storedOfferings, CourseUpdates updates) {
		for (CatalogueFile.Offering offering : course.terms()) {
			Offering wanted = offering(offering, departmentIds);
			Offering current = storedOfferings.get(OfferingKey.of(id, wanted.term(), wanted.code()));
			if (!wanted.equals(current)) {
				updates.offerings.computeIfAbsent(id, k -> new ArrayList<>()).add(wanted);
				updates.changed.add(id);
				if (current == null) {
					updates.termsAdded++;
				}
				else {
					updates.termsUpdated++;
				}
			}
		}
	}

	private static <T> Map<String, Long> ids(Map<String, T> stored, Function<T, Long> id) {
		return stored.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> id.apply(e.getValue())));
	}

	private static Offering offering(CatalogueFile.Offering offering, Map<String, Long> departmentIds) {
		return new Offering(offering.term().code(), offering.term().order(), offering.code(), offering.credits(),
				offering.hours(), offering.type(), offering.level(), id(departmentIds, offering.department()),
				offering.description(), new TreeSet<>(offering.classes()));
	}

	private static Long id(Map<String, Long> ids, String key) {
		return key == null ? null : ids.get(Keys.fold(key));
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
