package club.icourse.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import club.icourse.testsupport.architecture.JooqPlacement;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Configuration;

/**
 * The shape of auth-server, as docs/architecture.md draws it: feature packages without
 * cycles, each depending only on the features listed for it; nothing depends on the
 * {@code security} package, which wires the filter chains from the features' pieces; jOOQ
 * kept inside repositories and services; every feature package in the table and saying
 * what it owns.
 */
@AnalyzeClasses(packages = "club.icourse.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String ROOT = "club.icourse.auth.";

	/** The feature packages of docs/architecture.md's table, each a layer below. */
	private static final Set<String> FEATURES = Set.of("system", "ratelimit", "audit", "account", "signin", "oauth",
			"passkeys", "totp", "clients", "developers", "registration", "admin", "home", "passwords", "security");

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule featuresDependOnlyOnTheFeaturesAllowedThem = layeredArchitecture()
		.consideringOnlyDependenciesInLayers()
		.layer("system")
		.definedBy(ROOT + "system..")
		.layer("ratelimit")
		.definedBy(ROOT + "ratelimit..")
		.layer("audit")
		.definedBy(ROOT + "audit..")
		.layer("account")
		.definedBy(ROOT + "account..")
		.layer("signin")
		.definedBy(ROOT + "signin..")
		.layer("passkeys")
		.definedBy(ROOT + "passkeys..")
		.layer("totp")
		.definedBy(ROOT + "totp..")
		.layer("oauth")
		.definedBy(ROOT + "oauth..")
		.layer("clients")
		.definedBy(ROOT + "clients..")
		.layer("developers")
		.definedBy(ROOT + "developers..")
		.layer("registration")
		.definedBy(ROOT + "registration..")
		.layer("admin")
		.definedBy(ROOT + "admin..")
		.layer("home")
		.definedBy(ROOT + "home..")
		.layer("passwords")
		.definedBy(ROOT + "passwords..")
		.layer("security")
		.definedBy(ROOT + "security..")
		.whereLayer("system")
		.mayNotAccessAnyLayer()
		.whereLayer("ratelimit")
		.mayOnlyAccessLayers("system")
		.whereLayer("audit")
		.mayOnlyAccessLayers("system")
		.whereLayer("account")
		.mayOnlyAccessLayers("audit", "ratelimit", "system")
		.whereLayer("signin")
		.mayOnlyAccessLayers("account", "ratelimit", "system")
		.whereLayer("passkeys")
		.mayOnlyAccessLayers("account", "audit", "system")
		.whereLayer("totp")
		.mayOnlyAccessLayers("account", "signin", "passkeys", "audit", "ratelimit", "system")
		.whereLayer("oauth")
		.mayOnlyAccessLayers("account", "audit", "system")
		.whereLayer("clients")
		.mayOnlyAccessLayers("oauth", "audit", "system")
		.whereLayer("developers")
		.mayOnlyAccessLayers("clients", "oauth", "account", "audit", "system")
		.whereLayer("registration")
		.mayOnlyAccessLayers("developers", "clients", "oauth", "account", "audit", "system")
		.whereLayer("admin")
		.mayOnlyAccessLayers("developers", "registration", "clients", "account", "audit", "system")
		.whereLayer("home")
		.mayOnlyAccessLayers("system")
		.whereLayer("passwords")
		.mayNotAccessAnyLayer()
		.whereLayer("security")
		.mayNotBeAccessedByAnyLayer();

	@ArchTest
	static final ArchRule everyClassIsInAFeaturePackageOfTheTable = classes()
		.should(new ArchCondition<JavaClass>("be in a feature package of docs/architecture.md's table") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String name = type.getPackageName();
				String feature = name.startsWith(ROOT) ? name.substring(ROOT.length()).split("\\.")[0] : "";
				boolean known = !name.startsWith(ROOT) || FEATURES.contains(feature);
				events.add(new SimpleConditionEvent(type, known, type.getName() + " is in " + feature
						+ ", which is not in ArchitectureTest.FEATURES and docs/architecture.md"));
			}
		});

	@ArchTest
	static void everyFeaturePackageSaysWhatItOwns(JavaClasses classes) {
		Set<String> missing = new TreeSet<>();
		for (String feature : FEATURES) {
			if (!classes.containPackage(ROOT + feature)
					|| classes.getPackage(ROOT + feature).tryGetPackageInfo().isEmpty()) {
				missing.add(feature);
			}
		}
		if (!missing.isEmpty()) {
			throw new AssertionError("feature packages without a package-info.java: " + missing);
		}
	}

	@ArchTest
	static final ArchRule controllersNeverQuery = JooqPlacement.controllersNeverQuery();

	/**
	 * A configuration only hands a DSLContext to the Authorization Server's grant store
	 * it builds (HashedTokenAuthorizations, wrapped by ReuseDetectingAuthorizations).
	 */
	@ArchTest
	static final ArchRule onlyRepositoriesAndServicesTalkToTheDatabase = JooqPlacement
		.onlyRepositoriesAndServicesTalkToTheDatabase(
				DescribedPredicate.describe("a @Configuration, or the grant store it builds",
						type -> type.isAnnotatedWith(Configuration.class)
								|| type.getName().equals(ROOT + "oauth.ReuseDetectingAuthorizations")
								|| type.getName().equals(ROOT + "oauth.HashedTokenAuthorizations")));

	@ArchTest
	static final ArchRule jooqRecordsStayInRepositoriesAndServices = JooqPlacement
		.jooqRecordsStayInRepositoriesAndServices(DescribedPredicate.alwaysFalse());

}
