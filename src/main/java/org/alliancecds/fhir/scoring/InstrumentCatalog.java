package org.alliancecds.fhir.scoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instruments we score and the foreign forms mapped onto them; answers which instrument a form is and how its
 * linkIds map.
 */
public final class InstrumentCatalog {

    private static final String VERSION_SEPARATOR = "|";

    private final List<ScoringDefinition> definitions;
    private final Map<String, FormMapping> byQuestionnaire = new HashMap<>();
    private final Map<String, ScoringDefinition> byInstrument = new LinkedHashMap<>();

    public InstrumentCatalog(List<ScoringDefinition> definitions, List<FormAlias> aliases) {
        this.definitions = List.copyOf(definitions);
        for (ScoringDefinition definition : definitions) {
            byInstrument.put(definition.instrument(), definition);
            if (definition.questionnaire() != null) {
                byQuestionnaire.put(definition.questionnaire(), ownMapping(definition));
            }
        }
        for (FormAlias alias : aliases) {
            ScoringDefinition definition = byInstrument.get(alias.instrument());
            if (definition == null) {
                throw new IllegalArgumentException("alias names unknown instrument '" + alias.instrument() + "'");
            }
            FormMapping mapping = new FormMapping(definition, alias.items(), alias.reported(), alias.answers(),
                    Map.of());
            alias.questionnaires().forEach(reference -> byQuestionnaire.put(reference, mapping));
        }
    }

    public List<ScoringDefinition> definitions() {
        return definitions;
    }

    public Optional<ScoringDefinition> instrument(String key) {
        return Optional.ofNullable(byInstrument.get(key));
    }

    /** The mapping of one of our forms or an aliased one, by canonical (with or without |version) or reference. */
    public Optional<FormMapping> known(String questionnaireReference) {
        return Optional.ofNullable(questionnaireReference)
                .map(reference -> byQuestionnaire.get(stripVersion(reference)));
    }

    /** The mapping of a form whose linkIds are, or end with, an instrument's standard item codes. */
    public Optional<FormMapping> byCodedLinkIds(Collection<String> linkIds) {
        return definitions.stream()
                .map(definition -> codedMapping(definition, linkIds))
                .filter(mapping -> !mapping.itemsByLinkId().isEmpty())
                .findFirst();
    }

    static String stripVersion(String reference) {
        int bar = reference.indexOf(VERSION_SEPARATOR);
        return bar < 0 ? reference : reference.substring(0, bar);
    }
    private static FormMapping ownMapping(ScoringDefinition definition) {
        Map<String, Integer> items = new HashMap<>();
        definition.items().forEach(item -> items.put(item.linkId(), item.number()));
        Map<String, String> reported = new HashMap<>();
        definition.scales().forEach(scale -> scale.reportedLinkIds().forEach(linkId -> reported.put(linkId, scale.id())));
        Map<String, String> coded = new HashMap<>();
        definition.answers().forEach(answer -> coded.put(answer.linkId(), answer.id()));
        return new FormMapping(definition, items, reported, coded, Map.of());
    }

    /** Maps linkIds such as {@code 44250-9} or {@code /44249-1/44250-9} by the item code they end with. */
    private static FormMapping codedMapping(ScoringDefinition definition, Collection<String> linkIds) {
        Map<String, Integer> items = new HashMap<>();
        Map<String, String> reported = new HashMap<>();
        for (String linkId : linkIds) {
            String lastSegment = linkId.substring(linkId.lastIndexOf('/') + 1);
            definition.items().stream()
                    .filter(item -> lastSegment.equals(item.code()))
                    .forEach(item -> items.put(linkId, item.number()));
            definition.scales().stream()
                    .filter(scale -> scale.reportedCodes().stream().anyMatch(code -> code.endsWith("|" + lastSegment)))
                    .forEach(scale -> reported.put(linkId, scale.id()));
        }
        return new FormMapping(definition, items, reported, Map.of(), Map.of());
    }
}
