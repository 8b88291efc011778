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

	private ImportSummary apply(CatalogueFile file) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);

		Map<String, CatalogueStore.Department> storedDepartments = store.departments();
		List<CatalogueFile.Department> newDepartments = file.departments()
			.stream()
			.filter(d -> !storedDepartments.containsKey(Keys.fold(d.code())))
			.toList();
		List<CatalogueFile.Department> renamedDepartments = file.departments()
			.stream()
			.filter(d -> storedDepartments.containsKey(Keys.fold(d.code())))
			.filter(d -> !storedDepartments.get(Keys.fold(d.code())).name().equals(d.name()))
			.toList();
		store.upsertDepartments(concat(newDepartments, renamedDepartments));
		Map<String, Long> departmentIds = store.departments()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));

		Map<String, CatalogueStore.Teacher> storedTeachers = store.teachers();
		List<CatalogueStore.TeacherValues> teacherChanges = new ArrayList<>();
		List<Long> renamedTeachers = new ArrayList<>();
		int teachersAdded = 0;
		for (CatalogueFile.Teacher teacher : file.teachers()) {
			Long department = id(departmentIds, teacher.department());
			CatalogueStore.Teacher stored = storedTeachers.get(Keys.fold(teacher.key()));
			if (stored == null) {
				teachersAdded++;
			}
			else if (!stored.name().equals(teacher.name())) {
				renamedTeachers.add(stored.id());
			}
			else if (Objects.equals(stored.departmentId(), department)) {
				continue;
			}
			teacherChanges.add(new CatalogueStore.TeacherValues(teacher.key(), teacher.name(), department));
		}
		store.upsertTeachers(teacherChanges, now);
		Map<String, Long> teacherIds = store.teachers()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));

		Map<String, CatalogueStore.Course> storedCourses = store.courses();
		Map<CatalogueFile.Course, String> keys = new LinkedHashMap<>();
		List<CatalogueStore.CourseValues> newCourses = new ArrayList<>();
		for (CatalogueFile.Course course : file.courses()) {
			String teacherKey = CatalogueStore.teacherKey(course, teacherIds);
			keys.put(course, CatalogueStore.courseKey(course.name(), teacherKey));
			if (!storedCourses.containsKey(keys.get(course))) {
				newCourses.add(new CatalogueStore.CourseValues(course.name(), teacherKey,
						id(departmentIds, course.department())));
			}
		}
		store.insertCourses(newCourses, now);
		Map<String, CatalogueStore.Course> courses = store.courses();
		Set<Long> added = new LinkedHashSet<>();
		newCourses.forEach(c -> added.add(courses.get(CatalogueStore.courseKey(c.name(), c.teacherKey())).id()));
		store.createFigures(added);

		List<Long> fileCourseIds = keys.values().stream().map(key -> courses.get(key).id()).toList();
		Map<Long, List<Long>> storedTeachersOf = store.teachersOf(fileCourseIds);
		Map<OfferingKey, Offering> storedOfferings = store.offeringsOf(fileCourseIds);
		Set<Long> ofRenamedTeachers = new TreeSet<>(store.coursesTaughtBy(renamedTeachers));

		Set<Long> changed = new LinkedHashSet<>();
		List<CatalogueStore.Course> courseUpdates = new ArrayList<>();
		Map<Long, List<Long>> teacherUpdates = new HashMap<>();
		Map<Long, List<Offering>> offeringUpdates = new HashMap<>();
		int termsAdded = 0;
		int termsUpdated = 0;
		for (CatalogueFile.Course course : file.courses()) {
			CatalogueStore.Course stored = courses.get(keys.get(course));
			long id = stored.id();
			Long department = id(departmentIds, course.department());
			if (!added.contains(id)
					&& (!stored.name().equals(course.name()) || !Objects.equals(stored.departmentId(), department))) {
				courseUpdates.add(new CatalogueStore.Course(id, course.name(), department));
				changed.add(id);
			}
			List<Long> teachers = course.teachers().stream().map(key -> teacherIds.get(Keys.fold(key))).toList();
			if (!teachers.equals(storedTeachersOf.getOrDefault(id, List.of()))) {
				teacherUpdates.put(id, teachers);
				changed.add(id);
			}
			for (CatalogueFile.Offering offering : course.terms()) {
				Offering wanted = offering(offering, departmentIds);
				Offering current = storedOfferings.get(OfferingKey.of(id, wanted.term(), wanted.code()));
				if (!wanted.equals(current)) {
					offeringUpdates.computeIfAbsent(id, k -> new ArrayList<>()).add(wanted);
					changed.add(id);
					if (current == null) {
						termsAdded++;
					}
					else {
						termsUpdated++;
					}
				}
			}
			if (ofRenamedTeachers.contains(id)) {
				changed.add(id);
			}
		}
		store.updateCourses(courseUpdates);
		store.replaceTeachers(teacherUpdates);
		store.upsertOfferings(offeringUpdates);

		changed.removeAll(added);
		Set<Long> published = new LinkedHashSet<>(added);
		published.addAll(changed);
		published.addAll(ofRenamedTeachers);
		published.forEach(course -> events.publishEvent(new CourseChanged(course)));
		Set<Long> inFile = new LinkedHashSet<>(fileCourseIds);
		return new ImportSummary(newDepartments.size(), renamedDepartments.size(), teachersAdded,
				teacherChanges.size() - teachersAdded, added.size(), changed.size(),
				inFile.size() - added.size() - changed.size(), termsAdded, termsUpdated);
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
