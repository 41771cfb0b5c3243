package org.alliancecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The files of a rules directory as text, by path relative to it, and the version they make together. */
record RuleSources(Path directory, Map<String, String> drlFiles, String version) {

    static final String VERSION_FILE = "VERSION";
    private static final int HASH_CHARACTERS = 8;

    static RuleSources read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new IOException("rules directory " + directory.toAbsolutePath()
                    + " does not exist"));
        }
        Map<String, String> drl = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(file);
                if (relative.endsWith(".drl")) {
                    drl.put(relative, new String(content, StandardCharsets.UTF_8));
                }
                if (partOfTheRuleBase(relative)) {
                    digest.update(relative.getBytes(StandardCharsets.UTF_8));
                    digest.update(content);
                }
            }
            String declared = Files.exists(directory.resolve(VERSION_FILE))
                    ? Files.readString(directory.resolve(VERSION_FILE)).trim() : "0";
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, HASH_CHARACTERS);
            return new RuleSources(directory, drl, declared + "+" + hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the version covers: rules, tables, suggestions; not examples and scenario cases, which only test. */
    private static boolean partOfTheRuleBase(String relative) {
        return relative.endsWith(".drl") || relative.endsWith(".csv") || relative.equals(VERSION_FILE)
                || relative.startsWith(SuggestionTemplates.FOLDER) && relative.endsWith(".json");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
