package club.icourse.auth;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of auth-server, as docs/architecture.md draws it: feature packages without
 * cycles, each depending only on the features listed for it; nothing depends on the
 * {@code security} package, which wires the filter chains from the features' pieces.
 */
@AnalyzeClasses(packages = "club.icourse.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String ROOT = "club.icourse.auth.";

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
		.mayOnlyAccessLayers("account", "signin", "audit", "ratelimit", "system")
		.whereLayer("oauth")
		.mayOnlyAccessLayers("account", "audit", "system")
		.whereLayer("clients")
		.mayOnlyAccessLayers("oauth", "audit", "system")
		.whereLayer("admin")
		.mayOnlyAccessLayers("clients", "account", "audit", "system")
		.whereLayer("home")
		.mayOnlyAccessLayers("system")
		.whereLayer("passwords")
		.mayNotAccessAnyLayer()
		.whereLayer("security")
		.mayNotBeAccessedByAnyLayer();

}
