package org.alliancecds.it;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random mutations of a JSON request: drop, duplicate, retype, nest or swap values in the tree, then
 * perhaps truncate the text or flip characters in it. The same seed gives the same mutations, so a failure is
 * reproducible from the case number alone.
 */
final class JsonMutator {

    /** Where a value sits: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FLIPS = "{}[]\":,\\ 0123456789-+.eEtrufalsn\u00e9\u20ac\ud83d\ude00";
    private static final int MAX_NESTING = 130;

    private final Random random;

    JsonMutator(Random random) {
        this.random = random;
    }

    /**
     * One to three tree mutations, then a text mutation in about a third of the cases. Flips spare the text
     * {@code protect} (a fhirServer URL, say), so that more cases get as far as using it.
     */
    String mutate(JsonNode original, String protect) {
        JsonNode tree = original.deepCopy();
        Slot duplicate = null;
        for (int mutations = 1 + random.nextInt(3); mutations > 0; mutations--) {
            List<Slot> slots = slots(tree);
            if (slots.isEmpty()) {
                break;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            switch (random.nextInt(5)) {
                case 0 -> drop(slot);
                case 1 -> duplicate = slot;
                case 2 -> slot.set(otherType(slot.get()));
                case 3 -> slot.set(nest(slot.get()));
                default -> swap(slot, slots.get(random.nextInt(slots.size())));
            }
        }
        String text = write(tree, duplicate);
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> flip(text, protect);
            default -> text;
        };
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                slots.add(new Slot(node, null, index));
                collect(node.get(index), slots);
            }
        }
    }

    private static void drop(Slot slot) {
        if (slot.field() != null) {
            ((ObjectNode) slot.parent()).remove(slot.field());
        } else {
            ((ArrayNode) slot.parent()).remove(slot.index());
        }
    }

    private static void swap(Slot one, Slot other) {
        JsonNode first = one.get();
        JsonNode second = other.get();
        // A value swapped into its own descendant would make a cycle.
        if (first == null || second == null || contains(first, second) || contains(second, first)) {
            return;
        }
        one.set(second.deepCopy());
        other.set(first.deepCopy());
    }

    private static boolean contains(JsonNode container, JsonNode node) {
        if (container == node) {
            return true;
        }
        for (JsonNode child : container) {
            if (contains(child, node)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode otherType(JsonNode value) {
        List<JsonNode> candidates = List.of(NODES.textNode(""), NODES.textNode("x\u0000y"),
                NODES.textNode("Patient/" + random.nextInt(1000)), NODES.numberNode(random.nextInt()),
                NODES.numberNode(-0.0), NODES.numberNode(new BigDecimal("1e308")), NODES.booleanNode(true),
                NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
                NODES.objectNode().put("resourceType", "OperationOutcome"));
        JsonNode replacement = candidates.get(random.nextInt(candidates.size()));
        return replacement.getNodeType() == (value == null ? null : value.getNodeType())
                ? NODES.textNode(String.valueOf(value)) : replacement;
    }

    private JsonNode nest(JsonNode value) {
        JsonNode nested = value == null ? NODES.nullNode() : value;
        for (int level = 1 + random.nextInt(MAX_NESTING); level > 0; level--) {
            nested = random.nextBoolean() ? NODES.arrayNode().add(nested) : NODES.objectNode().set("n", nested);
        }
        return nested;
    }

    private String flip(String text, String protect) {
        int start = protect == null ? -1 : text.indexOf(protect);
        int end = start < 0 ? -1 : start + protect.length();
        StringBuilder flipped = new StringBuilder(text);
        for (int flips = 1 + random.nextInt(8); flips > 0 && !text.isEmpty(); flips--) {
            int at = random.nextInt(text.length());
            if (at < start || at >= end) {
                flipped.setCharAt(at, FLIPS.charAt(random.nextInt(FLIPS.length())));
            }
        }
        return flipped.toString();
    }

    /** The tree as text; the slot to duplicate, if it is an object's field, is written twice. */
    private static String write(JsonNode tree, Slot duplicate) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = Reply.MAPPER.createGenerator(text)) {
            write(out, tree, duplicate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, JsonNode node, Slot duplicate) throws IOException {
        if (node.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.writeFieldName(field.getKey());
                write(out, field.getValue(), duplicate);
                if (duplicate != null && duplicate.parent() == node && field.getKey().equals(duplicate.field())) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue(), duplicate);
                }
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (int index = 0; index < node.size(); index++) {
                write(out, node.get(index), duplicate);
                if (duplicate != null && duplicate.parent() == node && duplicate.index() == index) {
                    write(out, node.get(index), duplicate);
                }
            }
            out.writeEndArray();
        } else {
            out.writeTree(node);
        }
    }
}
