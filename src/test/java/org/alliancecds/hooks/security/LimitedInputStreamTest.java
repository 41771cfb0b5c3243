package org.alliancecds.hooks.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The read-side half of the request size limit: what a chunked body meets (the 413 itself is BadInputIT's). */
class LimitedInputStreamTest {

    private static final class TooLarge extends RuntimeException {
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws IOException {
        try (InputStream body = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100, TooLarge::new)) {
            assertEquals(100, body.readAllBytes().length);
        }
    }

    @Test
    void oneByteMoreFails() {
        InputStream body = new LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100, TooLarge::new);
        assertThrows(TooLarge.class, body::readAllBytes);
    }

    @Test
    void byteByByteAndSkippedBytesCountToo() throws IOException {
        InputStream body = new LimitedInputStream(new ByteArrayInputStream(new byte[20]), 10, TooLarge::new);
        body.skip(10);
        assertThrows(TooLarge.class, body::read);
    }
}
