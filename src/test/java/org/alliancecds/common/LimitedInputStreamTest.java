package org.alliancecds.common;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The read-side half of both size limits, on request bodies and on FHIR servers' answers: what a chunked stream
 * meets (the 413 and the 412 themselves are BadInputIT's).
 */
class LimitedInputStreamTest {

    private static final class TooLarge extends RuntimeException {
    }

    private static InputStream limited(int size, long limit) {
        return new LimitedInputStream(new ByteArrayInputStream(new byte[size]), limit, () -> {
            throw new TooLarge();
        });
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws IOException {
        try (InputStream body = limited(100, 100)) {
            assertEquals(100, body.readAllBytes().length);
        }
    }

    @Test
    void oneByteMoreFails() {
        assertThrows(TooLarge.class, limited(101, 100)::readAllBytes);
    }

    @Test
    void byteByByteAndSkippedBytesCountToo() throws IOException {
        InputStream body = limited(20, 10);
        body.skip(10);
        assertThrows(TooLarge.class, body::read);
    }

    @Test
    void theOverflowMayBeAnIoFailure() {
        InputStream answer = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10, () -> {
            throw new IOException("too large");
        });
        assertEquals("too large", assertThrows(IOException.class, answer::readAllBytes).getMessage());
    }
}
