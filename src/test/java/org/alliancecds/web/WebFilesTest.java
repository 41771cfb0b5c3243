package org.alliancecds.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WAR's folders served by {@link WebFiles} from {@code src/main/webapp}, on embedded Jetty. */
class WebFilesTest {

    private static final Server JETTY = new Server();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static String base;

    private static HttpServlet folder(WebFiles files) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                files.serve(getServletContext(), request.getPathInfo(), response);
            }
        };
    }

    @BeforeAll
    static void start() throws Exception {
        ServerConnector connector = new ServerConnector(JETTY);
        connector.setHost("127.0.0.1");
        JETTY.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setBaseResource(ResourceFactory.of(context).newResource(Path.of("src/main/webapp")));
        context.addServlet(new ServletHolder(folder(new WebFiles("/view/", "'self' https://ehr.example.org"))),
                "/view/*");
        context.addServlet(new ServletHolder(folder(new WebFiles("/shared/", WebFiles.NO_FRAMING))), "/shared/*");
        JETTY.setHandler(context);
        JETTY.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        JETTY.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase();
    }

    @Test
    void theViewsIndexIsItsFolderWithAPolicyThatLetsTheConfiguredEhrFrameIt() throws Exception {
        HttpResponse<String> index = get("/view/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<main"), index.body());
        assertEquals("text/html;charset=utf-8", type(index));
        String policy = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("default-src 'none'; script-src 'self'; style-src 'self';"), policy);
        assertTrue(policy.endsWith("frame-ancestors 'self' https://ehr.example.org"), policy);
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void sharedModulesAreScriptsThatNoPageMayFrame() throws Exception {
        HttpResponse<String> chart = get("/shared/chart.js");
        assertEquals(200, chart.statusCode());
        assertEquals("text/javascript;charset=utf-8", type(chart));
        assertTrue(chart.headers().firstValue("Content-Security-Policy").orElseThrow()
                .endsWith("frame-ancestors 'none'"));
    }

    @Test
    void onlyFlatFileNamesOfAKnownTypeAreServed() throws Exception {
        for (String path : new String[] {"/view/..%2FWEB-INF%2Fbeans.xml", "/shared/../WEB-INF/beans.xml",
                "/view/missing.js", "/shared/README", "/view/sub/view.js"}) {
            int status = get(path).statusCode();
            assertTrue(status == 404 || status == 400, path + " answered " + status);
        }
    }
}
