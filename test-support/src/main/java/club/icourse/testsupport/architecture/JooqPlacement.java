package club.icourse.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.jooq.DSLContext;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * Where jOOQ may be used, the same in both apps (docs/architecture.md): a
 * {@code DSLContext} and the generated records only inside repositories and services,
 * never in a controller. Each app's ArchitectureTest checks these, naming its own
 * exceptions.
 */
public final class JooqPlacement {

	/** A repository or a service, or a class nested in one (its private row types). */
	public static final DescribedPredicate<JavaClass> INSIDE_REPOSITORY_OR_SERVICE = DescribedPredicate
		.describe("inside a @Repository or a @Service", type -> {
			JavaClass outermost = type;
			while (outermost.getEnclosingClass().isPresent()) {
				outermost = outermost.getEnclosingClass().get();
			}
			return outermost.isAnnotatedWith(Repository.class) || outermost.isAnnotatedWith(Service.class);
		});

	private JooqPlacement() {
	}

	/** Controllers and controller advice ask services and repositories. */
	public static ArchRule controllersNeverQuery() {
		return noClasses().that()
			.areMetaAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.jooq..", "club.icourse.db..")
			.because("controllers ask services and repositories");
	}

	/**
	 * @param excepted the classes that may hold one anyway, which the app's test names
	 * and explains
	 */
	public static ArchRule onlyRepositoriesAndServicesTalkToTheDatabase(
			DescribedPredicate<? super JavaClass> excepted) {
		return noClasses().that(not(INSIDE_REPOSITORY_OR_SERVICE))
			.and(DescribedPredicate.<JavaClass>not(excepted))
			.should()
			.dependOnClassesThat()
			.areAssignableTo(DSLContext.class)
			.because("a DSLContext belongs in a repository or a service");
	}

	/**
	 * @param excepted the classes that may use a record anyway, which the app's test
	 * names and explains
	 */
	public static ArchRule jooqRecordsStayInRepositoriesAndServices(DescribedPredicate<? super JavaClass> excepted) {
		return noClasses().that(not(INSIDE_REPOSITORY_OR_SERVICE))
			.and(DescribedPredicate.<JavaClass>not(excepted))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("club.icourse.db..records..")
			.because("events, controllers and templates carry Java records made for them");
	}

}
