package org.alliancecds.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails as soon as more than the limit has been read from it, in the way its user chooses: a request
 * body with a 413, an EHR's FHIR answer with an I/O error that becomes a 412. Counting while reading catches what a
 * declared length does not: a chunked body declares none.
 */
public final class LimitedInputStream extends FilterInputStream {

    /** What to do when the limit is passed: throw. */
    @FunctionalInterface
    public interface Overflow {
        void raise() throws IOException;
    }

    private final long limit;
    private final Overflow tooLarge;
    private long count;

    public LimitedInputStream(InputStream in, long limit, Overflow tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            counted(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        // A reset would let bytes be counted twice; nothing here needs mark.
        return false;
    }

    private void counted(long bytes) throws IOException {
        count += bytes;
        if (count > limit) {
            tooLarge.raise();
        }
    }
}
