package org.alliancecds.testing;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe in-memory resources, keyed by type and id, kept in insertion order. Stores and hands
 * out copies so neither the test nor HAPI's serialisation can change what another request sees.
 */
final class ResourceStore {

    private final Map<String, Map<String, Resource>> byType = new LinkedHashMap<>();
    private final AtomicLong generatedIds = new AtomicLong();

    void put(IBaseResource resource) {
        if (!(resource instanceof Resource r4)) {
            throw new IllegalArgumentException("only FHIR R4 resources are supported: " + resource);
        }
        Resource copy = r4.copy();
        String type = copy.fhirType();
        String id = copy.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            id = "gen-" + generatedIds.incrementAndGet();
        }
        copy.setId(new IdType(type, id));
        synchronized (byType) {
            byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, copy);
        }
    }

    <T extends Resource> Optional<T> read(Class<T> type, String id) {
        synchronized (byType) {
            Resource found = byType.getOrDefault(typeName(type), Map.of()).get(id);
            return Optional.ofNullable(found).map(r -> type.cast(r.copy()));
        }
    }

    <T extends Resource> List<T> all(Class<T> type) {
        synchronized (byType) {
            List<T> result = new ArrayList<>();
            for (Resource r : byType.getOrDefault(typeName(type), Map.of()).values()) {
                result.add(type.cast(r.copy()));
            }
            return result;
        }
    }

    void clear() {
        synchronized (byType) {
            byType.clear();
        }
    }

    // Every concrete R4 resource class is named after its FHIR type.
    private static String typeName(Class<? extends Resource> type) {
        return type.getSimpleName();
    }
}
