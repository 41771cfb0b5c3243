package org.alliancecds.fhir;

import org.alliancecds.common.LimitedInputStream;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.HttpClient;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client behind every call to an EHR's FHIR server (HAPI's Apache client, configured here instead of by
 * HAPI's defaults): connect and read timeouts, redirects followed only within the same origin (a redirect elsewhere
 * would take the EHR's bearer token with it), no cookies, and a limit on the size of an answer, checked on the
 * declared length and again while reading, since a chunked answer declares none.
 */
final class OutboundHttp {

    private static final int MAX_REDIRECTS = 5;
    private static final int POOL_TOTAL = 50;
    private static final int POOL_PER_ROUTE = 10;
    private static final long IDLE_SECONDS = 30;

    private OutboundHttp() {
    }

    static HttpClient client(int connectMs, int readMs, long maxResponseBytes) {
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(connectMs)
                .setConnectionRequestTimeout(connectMs)
                .setSocketTimeout(readMs)
                .setMaxRedirects(MAX_REDIRECTS)
                .build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(IDLE_SECONDS,
                TimeUnit.SECONDS);
        pool.setMaxTotal(POOL_TOTAL);
        pool.setDefaultMaxPerRoute(POOL_PER_ROUTE);
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(timeouts)
                .setRedirectStrategy(new SameOriginRedirects())
                .disableCookieManagement()
                .addInterceptorLast(sizeLimit(maxResponseBytes))
                .build();
    }

    private static HttpResponseInterceptor sizeLimit(long maxBytes) {
        return (response, context) -> {
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
                    return new LimitedInputStream(super.getContent(), maxBytes, () -> {
                        throw new ResponseTooLargeException(maxBytes);
                    });
                }
            });
        };
    }

    /** An answer that outgrew the limit; its message is shown to the EHR in the 412. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(long maxBytes) {
            super("its answer was larger than " + maxBytes + " bytes");
        }
    }
}
