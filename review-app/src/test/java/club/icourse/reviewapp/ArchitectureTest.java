package club.icourse.reviewapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.architecture.JooqPlacement;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shape of review-app, as docs/architecture.md draws it: which feature package may
 * use which, no cycles between them, and jOOQ kept inside repositories and services. A
 * new package has to be added to {@link #ALLOWED} (and to the document) before the build
 * passes.
 */
class ArchitectureTest {

	private static final String ROOT = "club.icourse.reviewapp";

	/**
	 * Each feature package and the feature packages it may use. The order is bottom-up: a
	 * package only uses packages listed before it.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(Map.entry("system", Set.of()),
			Map.entry("people", Set.of()), Map.entry("mention", Set.of("people")),
			Map.entry("course", Set.of("people")), Map.entry("review", Set.of("course", "mention", "people")),
			Map.entry("comment", Set.of("review", "mention", "people")), Map.entry("feed", Set.of("review")),
			Map.entry("card", Set.of("review", "comment", "course", "people")),
			Map.entry("follow", Set.of("card", "review", "course", "mention", "people")),
			Map.entry("moderation", Set.of("review", "comment", "course", "mention", "people", "system")),
			Map.entry("metrics", Set.of("review", "comment", "moderation")),
			Map.entry("notification",
					Set.of("review", "comment", "course", "feed", "follow", "mention", "moderation", "people")),
			Map.entry("courseinfo", Set.of("course", "review", "moderation", "people", "system")),
			Map.entry("catalogue", Set.of("course", "review", "people")),
			Map.entry("search", Set.of("course", "review", "people", "system")),
			Map.entry("stats", Set.of("card", "course", "review", "people")),
			Map.entry("profile", Set.of("card", "course", "follow", "moderation", "review", "people", "system")),
			Map.entry("home", Set.of("card", "course", "review", "people")),
			Map.entry("coursepage", Set.of("card", "course", "follow", "review", "people")),
			Map.entry("api", Set.of("course", "follow", "notification", "review", "people")));

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void featurePackagesFormNoCycle() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void eachFeaturePackageUsesOnlyWhatItIsAllowedTo() {
		ALLOWED.forEach((feature, allowed) -> {
			String[] forbidden = ALLOWED.keySet()
				.stream()
				.filter(other -> !other.equals(feature) && !allowed.contains(other))
				.map(other -> ROOT + "." + other + "..")
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(ROOT + "." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(forbidden)
				.because(feature + " may use only " + new TreeSet<>(allowed) + " (docs/architecture.md)")
				.check(CLASSES);
		});
	}

	@Test
	void everyFeaturePackageIsInTheMapAndHasAPackageInfo() {
		Set<String> packages = CLASSES.stream()
			.map(JavaClass::getPackageName)
			.filter(name -> name.startsWith(ROOT + "."))
			.map(name -> name.substring(ROOT.length() + 1).split("\\.")[0])
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(ALLOWED.keySet()).as("feature packages in ArchitectureTest.ALLOWED")
			.containsExactlyInAnyOrderElementsOf(packages);
		packages.forEach(feature -> assertThat(CLASSES.containPackage(ROOT + "." + feature)
				&& CLASSES.getPackage(ROOT + "." + feature).tryGetPackageInfo().isPresent())
			.as(feature + "/package-info.java saying what the package owns")
			.isTrue());
	}

	@Test
	void onlyRepositoriesAndServicesTalkToTheDatabase() {
		JooqPlacement.onlyRepositoriesAndServicesTalkToTheDatabase(DescribedPredicate.alwaysFalse()).check(CLASSES);
	}

	@Test
	void jooqRecordsStayInRepositoriesAndServices() {
		JooqPlacement.jooqRecordsStayInRepositoriesAndServices(
				DescribedPredicate.describe("ReviewSnapshot, whose of() is the one mapping from a review row",
						type -> type.getName().equals(ROOT + ".review.ReviewSnapshot")))
			.check(CLASSES);
	}

	@Test
	void controllersNeverQuery() {
		JooqPlacement.controllersNeverQuery().check(CLASSES);
	}

}
