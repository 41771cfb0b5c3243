package org.alliancecds.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the shipped rules/ tree that a test may edit. */
public final class ShippedRules {

    private ShippedRules() {
    }

    public static void copyTo(Path target) throws IOException {
        Path shipped = Path.of("rules");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(shipped.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }
}
