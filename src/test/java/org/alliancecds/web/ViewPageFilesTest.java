package org.alliancecds.web;

import jakarta.servlet.annotation.WebServlet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The view's files are mapped one by one, so that {@code /view/api/…} stays JAX-RS's; none may be forgotten. */
class ViewPageFilesTest {

    @Test
    void everyFileOfTheViewFolderIsMappedAndNothingElseUnderView() throws IOException {
        List<String> mapped = Stream.of(ViewPageFiles.class.getAnnotation(WebServlet.class).value())
                .filter(path -> path.startsWith("/view/") && path.length() > "/view/".length()).sorted().toList();
        try (Stream<Path> files = Files.list(Path.of("src/main/webapp/view"))) {
            assertEquals(files.map(file -> "/view/" + file.getFileName()).sorted().toList(), mapped);
        }
    }

    @Test
    void framingDefaultsToThisOriginAndTakesConfiguredSourcesButNoOtherDirective() {
        assertEquals("'self'", ViewPageFiles.frameAncestors(" "));
        assertEquals("https://ehr.example.org 'self'", ViewPageFiles.frameAncestors("https://ehr.example.org 'self'"));
        assertThrows(IllegalArgumentException.class,
                () -> ViewPageFiles.frameAncestors("https://ehr.example.org; script-src *"));
    }
}
