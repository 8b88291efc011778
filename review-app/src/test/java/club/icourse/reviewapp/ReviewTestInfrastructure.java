package club.icourse.reviewapp;

import club.icourse.testsupport.spring.RealInfrastructureInitializer;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The real database and mail server, and a stand-in identity provider over real HTTP. */
public class ReviewTestInfrastructure extends RealInfrastructureInitializer {

	public ReviewTestInfrastructure() {
		super("review");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		super.initialize(context);
		String provider = FakeIdentityProvider.shared().url();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("icourse-test-identity-provider",
					Map.of("icourse.id.server-url", provider, "icourse.id.issuer", provider,
							"icourse.search.poll-interval", "200ms",
							// Small enough that a test reaches it: each test's apps have
							// buckets of
							// their own.
							"icourse.api.rate-limit.requests", "40", "icourse.api.rate-limit.period", "1000d")));
	}

}
