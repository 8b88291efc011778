package club.icourse.reviewapp.catalogue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The local run ({@code ./mvnw -Plocal}, profile {@code local} only, never production)
 * starts with the sample catalogue and the demo reviews, loaded on its first start; later
 * starts keep what is there.
 */
@Component
@Profile("local")
class LocalDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LocalDemoData.class);

	private final SampleData sample;

	LocalDemoData(SampleData sample) {
		this.sample = sample;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (sample.demoDataLoaded()) {
			return;
		}
		log.info("Loading the sample catalogue: {}", sample.loadCatalogue());
		log.info("Wrote {} demo reviews", sample.loadDemoReviews());
	}

}
