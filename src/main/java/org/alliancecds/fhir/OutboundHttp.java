package org.alliancecds.fhir;

import org.alliancecds.common.LimitedInputStream;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.NoConnectionReuseStrategy;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;
import org.apache.http.ssl.SSLContexts;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client behind every call to an EHR's FHIR server (HAPI's Apache client, configured here instead of by
 * HAPI's defaults), deciding by the fetch running on the thread ({@link FetchScope}). Every request must be on that
 * fetch's allowed server and within its path ({@link AllowedServer}): the first, each page's {@code next} link, each
 * Questionnaire and each redirect, since the client would carry the EHR's bearer token anywhere. The host is resolved
 * and checked by {@link CheckedDns}, and the connection made to the checked address; TLS still verifies the name.
 * A connection is never reused: each one is resolved and checked under the policy of the call that makes it. Time and
 * bytes come out of the call's {@link FetchBudget}; one answer may also be no larger than a limit, checked on the
 * declared length and again while reading, since a chunked answer declares none. No cookies.
 */
final class OutboundHttp {

    private static final int MAX_REDIRECTS = 5;
    private static final int POOL_TOTAL = 50;
    private static final int POOL_PER_ROUTE = 10;

    private OutboundHttp() {
    }

    /** The limits that hold for every call: connect and read timeouts, the size of one answer. */
    record Limits(int connectMs, int readMs, long maxResponseBytes) {
    }

    static CloseableHttpClient client(Limits limits) {
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(limits.connectMs())
                .setConnectionRequestTimeout(limits.connectMs())
                .setSocketTimeout(limits.readMs())
                .setMaxRedirects(MAX_REDIRECTS)
                .build();
        var sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", new PlainSockets())
                .register("https", new TlsSockets())
                .build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(sockets, null, null,
                new CheckedDns(), -1, TimeUnit.MILLISECONDS);
        pool.setMaxTotal(POOL_TOTAL);
        pool.setDefaultMaxPerRoute(POOL_PER_ROUTE);
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setConnectionReuseStrategy(NoConnectionReuseStrategy.INSTANCE)
                .setDefaultRequestConfig(timeouts)
                .setRedirectStrategy(new AllowedRedirects())
                .disableCookieManagement()
                .addInterceptorFirst(withinServer())
                .addInterceptorLast(sizeLimit(limits.maxResponseBytes()))
                .build();
    }

    /** Refuses a request off the allowed server (a next link elsewhere, say) or past the deadline. */
    private static HttpRequestInterceptor withinServer() {
        return (HttpRequest request, HttpContext context) -> {
            FetchScope.Current fetch = FetchScope.current();
            AllowedServer server = fetch.server();
            fetch.budget().millisLeft();
            HttpHost target = HttpClientContext.adapt(context).getTargetHost();
            URI url = AllowedRedirects.absolute(target, request.getRequestLine().getUri());
            if (!server.covers(url)) {
                throw new OffServerException("a request to " + url.getScheme() + "://" + url.getHost() + ":"
                        + url.getPort() + " is outside the allowed server " + server);
            }
        };
    }

    private static HttpResponseInterceptor sizeLimit(long maxBytes) {
        return (response, context) -> {
            FetchBudget budget = FetchScope.current().budget();
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return;
            }
            if (entity.getContentLength() > maxBytes) {
                throw new ResponseTooLargeException(maxBytes);
            }
            response.setEntity(new HttpEntityWrapper(entity) {
                @Override
                public InputStream getContent() throws IOException {
                    return budgeted(new LimitedInputStream(super.getContent(), maxBytes, () -> {
                        throw new ResponseTooLargeException(maxBytes);
                    }), budget);
                }
            });
        };
    }

    private static InputStream budgeted(InputStream in, FetchBudget budget) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int next = super.read();
                if (next >= 0) {
                    budget.spend(1);
                }
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    budget.spend(read);
                }
                return read;
            }
        };
    }

    /** A socket of the fetch on this thread, whose reads end at its budget's deadline. */
    private static Socket deadlineSocket() throws IOException {
        return new DeadlineSocket(FetchScope.current().budget());
    }

    /** A connect timeout no longer than what is left of the fetch's budget. */
    private static int cappedByBudget(int connectTimeout) throws IOException {
        return FetchScope.current().budget().capped(connectTimeout);
    }

    /** Plain sockets whose connect and reads end at the budget's deadline. */
    private static final class PlainSockets extends PlainConnectionSocketFactory {
        PlainSockets() {
        }

        @Override
        public Socket createSocket(HttpContext context) throws IOException {
            return deadlineSocket();
        }

        @Override
        public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remote,
                                    InetSocketAddress local, HttpContext context) throws IOException {
            return super.connectSocket(cappedByBudget(connectTimeout), socket, host, remote, local, context);
        }
    }

    /** TLS over sockets whose connect, handshake and reads end at the deadline; the name is still verified. */
    private static final class TlsSockets extends SSLConnectionSocketFactory {
        TlsSockets() {
            super(SSLContexts.createDefault(), getDefaultHostnameVerifier());
        }

        @Override
        public Socket createSocket(HttpContext context) throws IOException {
            return deadlineSocket();
        }

        @Override
        public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remote,
                                    InetSocketAddress local, HttpContext context) throws IOException {
            return super.connectSocket(cappedByBudget(connectTimeout), socket, host, remote, local, context);
        }
    }

    /** An answer that outgrew the limit. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(long maxBytes) {
            super("its answer was larger than " + maxBytes + " bytes");
        }
    }

    /** A request the client was asked to send outside the allowed server; it was not sent. */
    static final class OffServerException extends IOException {
        OffServerException(String message) {
            super(message);
        }
    }
}
