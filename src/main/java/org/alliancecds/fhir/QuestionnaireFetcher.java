package org.alliancecds.fhir;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.alliancecds.common.LogText;
import org.hl7.fhir.r4.model.Questionnaire;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Fetches the Questionnaires of foreign forms from the EHR's FHIR server, by canonical URL or by reference, within
 * the call's fetches (allowed server, budget), and keeps them a while: forms change rarely and every patient of a
 * site uses the same few. A form that cannot be fetched is not an error: its responses are then matched by linkId
 * alone, or ignored with a note.
 */
final class QuestionnaireFetcher {

    private static final Logger LOG = Logger.getLogger(QuestionnaireFetcher.class.getName());
    private static final int MAX_FORMS = 500;
    private static final Duration KEEP = Duration.ofHours(1);

    /** Only forms found are kept: a server that failed once is asked again next time. */
    private final Cache<String, Questionnaire> cache = Caffeine.newBuilder()
            .maximumSize(MAX_FORMS).expireAfterWrite(KEEP).build();

    Optional<Questionnaire> fetch(FhirFetch fetches, String reference) {
        return Optional.ofNullable(cache.get(fetches.base() + " " + reference,
                key -> load(fetches, reference).orElse(null)));
    }

    private static Optional<Questionnaire> load(FhirFetch fetches, String reference) {
        try {
            return fetches.questionnaire(reference);
        } catch (DataUnavailableException e) {
            LOG.info(() -> "Questionnaire " + LogText.safe(reference) + " could not be fetched: " + e.detail());
            return Optional.empty();
        }
    }
}
