package org.alliancecds.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancecds.web.SharedFiles;
import org.alliancecds.web.WebFiles;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clinician view's page without the service: embedded Jetty serves {@code src/main/webapp} through the app's
 * own {@link WebFiles} and {@link SharedFiles} (so the page runs under the real Content-Security-Policy), and
 * answers {@code GET /view/api/patient} with whatever the test set: a fixture of {@code src/test/resources/view/}
 * or an error. This stands in for the server side of the SMART launch, which has its own tests.
 */
final class ViewPageServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/view");

    private final Server jetty = new Server();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = "{}";

    private ViewPageServer() {
    }

    static ViewPageServer start() throws Exception {
        ViewPageServer server = new ViewPageServer();
        ServerConnector connector = new ServerConnector(server.jetty);
        connector.setHost("127.0.0.1");
        server.jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setBaseResource(ResourceFactory.of(context).newResource(Path.of("src/main/webapp")));
        WebFiles view = new WebFiles("/view/", "'self'");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                view.serve(getServletContext(), request.getPathInfo(), response);
            }
        }), "/view/*");
        context.addServlet(new ServletHolder(new SharedFiles()), "/shared/*");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                server.calls.incrementAndGet();
                response.setStatus(server.status);
                response.setContentType("application/json");
                response.getWriter().write(server.body);
            }
        }), "/view/api/patient");
        server.jetty.setHandler(context);
        server.jetty.start();
        return server;
    }

    String pageUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/view/";
    }

    static ObjectNode fixture(String name) {
        try {
            return (ObjectNode) JSON.readTree(FIXTURES.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void answer(int answerStatus, Object answerBody) {
        try {
            body = answerBody instanceof String text ? text : JSON.writeValueAsString(answerBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        status = answerStatus;
        calls.set(0);
    }

    /** How many times the page asked since the last {@link #answer}. */
    int calls() {
        return calls.get();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
