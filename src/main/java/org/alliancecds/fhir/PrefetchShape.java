package org.alliancecds.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Checks the JSON shape of a prefetch resource against HAPI's model of FHIR R4 before HAPI reads it: every known
 * element must be an array when it repeats, a single value when it does not, an object when it is a complex type and
 * a plain value when it is a primitive. HAPI itself skips an element of the wrong shape, so a Bundle whose
 * {@code entry} is a string would read as an empty Bundle. Unknown elements, {@code _element} siblings and
 * extensions' contents beyond their shape are left alone: real EHRs send them. The error names the element's path,
 * such as {@code Bundle.entry[0].resource.item[2].answer}.
 */
final class PrefetchShape {

    private final FhirContext context;

    /** @param context an R4 context, for its model of the resources (any R4 context has the same) */
    PrefetchShape(FhirContext context) {
        this.context = context;
    }

    /** @throws DataFormatException naming the first element of the wrong shape */
    void check(JsonNode resource) {
        if (!resource.path("resourceType").isTextual() || resource.path("resourceType").asText().isBlank()) {
            return; // HAPI's parse refuses a resource without a type with its own message
        }
        String type = resource.path("resourceType").asText();
        BaseRuntimeElementCompositeDefinition<?> definition = resourceDefinition(resource, type);
        if (definition != null) {
            object(definition, resource, type);
        }
    }

    /** The resource's definition; null for a type HAPI does not know, which its parse refuses by name. */
    private BaseRuntimeElementCompositeDefinition<?> resourceDefinition(JsonNode resource, String path) {
        JsonNode type = resource.path("resourceType");
        if (!type.isTextual() || type.asText().isBlank()) {
            throw wrong(path + ".resourceType", "the name of a resource type", type);
        }
        try {
            return context.getResourceDefinition(type.asText());
        } catch (DataFormatException unknownType) {
            return null; // HAPI's parse refuses it with its own message
        }
    }

    private void object(BaseRuntimeElementCompositeDefinition<?> definition, JsonNode node, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            BaseRuntimeChildDefinition child = definition.getChildByName(name);
            BaseRuntimeElementDefinition<?> element = child == null ? null : child.getChildByName(name);
            if (element == null) {
                continue; // unknown here (or resourceType, or an _element sibling): tolerated
            }
            String at = path + "." + name;
            JsonNode value = field.getValue();
            if (child.getMax() == 1) {
                if (value.isArray()) {
                    throw wrong(at, "one value", value);
                }
                element(element, value, at);
            } else if (!value.isArray()) {
                throw wrong(at, "an array", value);
            } else {
                for (int i = 0; i < value.size(); i++) {
                    element(element, value.get(i), at + "[" + i + "]");
                }
            }
        }
    }

    private void element(BaseRuntimeElementDefinition<?> element, JsonNode value, String path) {
        switch (element.getChildType()) {
            case PRIMITIVE_DATATYPE, ID_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG -> {
                // null keeps a repeating primitive's place beside its _element array
                if (!value.isValueNode()) {
                    throw wrong(path, "a value", value);
                }
            }
            case RESOURCE, CONTAINED_RESOURCES, CONTAINED_RESOURCE_LIST -> {
                if (!value.isObject()) {
                    throw wrong(path, "a resource", value);
                }
                BaseRuntimeElementCompositeDefinition<?> resource = resourceDefinition(value, path);
                if (resource != null) {
                    object(resource, value, path);
                }
            }
            default -> {
                if (!value.isObject()) {
                    throw wrong(path, "an object", value);
                }
                if (element instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
                    object(composite, value, path);
                }
            }
        }
    }

    private static DataFormatException wrong(String path, String expected, JsonNode found) {
        return new DataFormatException(path + ": expected " + expected + ", found " + kind(found));
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isMissingNode()) {
            return "nothing";
        }
        return node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
