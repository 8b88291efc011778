package club.icourse.reviewapp.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SampleCatalogueGeneratorTest {

	@Test
	void theShippedSampleIsTheGeneratorsOutput() throws Exception {
		assertThat(Files.readString(SampleCatalogueGenerator.OUTPUT, StandardCharsets.UTF_8))
			.as("run SampleCatalogueGenerator.main to regenerate it")
			.isEqualTo(SampleCatalogueGenerator.generate());
	}

	@Test
	void theSampleIsAValidCatalogueOfTheAdvertisedSize() {
		CatalogueFile file = CatalogueReader.read(SampleCatalogueGenerator.generate().getBytes(StandardCharsets.UTF_8));
		assertThat(file.departments()).hasSize(21);
		assertThat(file.teachers()).hasSizeBetween(280, 320);
		assertThat(file.courses()).hasSizeBetween(350, 450);
	}

}
