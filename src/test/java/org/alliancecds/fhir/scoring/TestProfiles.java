package org.alliancecds.fhir.scoring;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped fhir-profiles and a shared parser, for tests that score without a container. */
public final class TestProfiles {

    public static final Path PROFILES = Path.of("fhir-profiles");
    public static final FhirContext FHIR = FhirContext.forR4();
    private static final InstrumentCatalog CATALOG = InstrumentCatalogLoader.load(PROFILES);

    private TestProfiles() {
    }

    public static InstrumentCatalog catalog() {
        return CATALOG;
    }

    public static Resource parse(String json) {
        return (Resource) FHIR.newJsonParser().parseResource(json);
    }

    /** A file of src/test/resources, parsed. */
    public static Resource resource(String path) {
        try {
            return parse(Files.readString(Path.of("src/test/resources", path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
