package org.alliancecds.knowledge;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MetadataResource;

import java.util.Date;
import java.util.TimeZone;

/**
 * What every artifact of a release carries alike: its canonical URL and id, the release's version, status and date,
 * and the publisher. Dates are written in UTC to the second, so that one release always exports the same text.
 */
final class CommonMetadata {

    static final String PUBLISHER = "Alliance CDS";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private CommonMetadata() {
    }

    static void apply(MetadataResource artifact, Release release, String id, String url, String name, String title) {
        artifact.setId(id);
        artifact.setUrl(url);
        artifact.setVersion(release.version());
        artifact.setName(name);
        artifact.setTitle(title);
        artifact.setStatus(release.status().fhir());
        // the export describes the rules as they serve patients, never a trial
        artifact.setExperimental(false);
        artifact.setDateElement(dateTime(release));
        artifact.setPublisher(PUBLISHER);
    }

    static DateTimeType dateTime(Release release) {
        return new DateTimeType(Date.from(release.date()), TemporalPrecisionEnum.SECOND, UTC);
    }

    static InstantType instant(Release release) {
        return new InstantType(Date.from(release.date()), TemporalPrecisionEnum.SECOND, UTC);
    }
}
