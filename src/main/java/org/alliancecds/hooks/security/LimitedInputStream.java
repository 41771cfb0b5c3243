package org.alliancecds.hooks.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A request body that fails as soon as more than the limit has been read from it, with the exception given
 * (the filter's is a 413).
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private long count;

    LimitedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
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

    private void counted(long bytes) {
        count += bytes;
        if (count > limit) {
            throw tooLarge.get();
        }
    }
}
