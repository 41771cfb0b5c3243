package org.alliancecds.fhir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A socket whose every read waits no longer than the call's {@link FetchBudget} has left. A read timeout alone bounds
 * the gap between two bytes, so a server that drips a byte a second would hold the thread as long as it liked; here
 * each blocking read is cut at the deadline. TLS layered on top reads through this socket, so https is bounded too.
 */
final class DeadlineSocket extends Socket {

    private final FetchBudget budget;
    private int requestedTimeoutMs;

    DeadlineSocket(FetchBudget budget) {
        this.budget = budget;
    }

    @Override
    public synchronized void setSoTimeout(int timeoutMs) throws SocketException {
        requestedTimeoutMs = timeoutMs;
        super.setSoTimeout(timeoutMs);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
                armed();
                try {
                    return super.read();
                } catch (SocketTimeoutException timeout) {
                    throw budgetOr(timeout);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                armed();
                try {
                    return super.read(buffer, offset, length);
                } catch (SocketTimeoutException timeout) {
                    throw budgetOr(timeout);
                }
            }
        };
    }

    /** A read cut by the deadline says so; a read timeout within the budget stays one. */
    private IOException budgetOr(SocketTimeoutException timeout) {
        try {
            budget.millisLeft();
            return timeout;
        } catch (FetchBudget.ExhaustedException exhausted) {
            return exhausted;
        }
    }

    private void armed() throws IOException {
        super.setSoTimeout(budget.capped(requestedTimeoutMs));
    }
}
