package org.alliancecds.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * A real FHIR R4 REST server for tests: HAPI's plain {@link RestfulServer} on embedded Jetty, bound to
 * 127.0.0.1 on an ephemeral port, serving resources from memory.
 *
 * <p>Supported interactions: {@code Patient} read; {@code QuestionnaireResponse} search by
 * {@code patient}/{@code subject}/{@code questionnaire}/{@code status}; {@code Observation} search by
 * {@code patient}/{@code subject}/{@code code}; {@code Questionnaire} read and search by {@code url}.
 * Searches honour {@code _sort} and {@code _count} and page with {@code next} links once the result
 * is larger than the page size. Other parameters are answered with 400, as a real server would.
 *
 * <pre>{@code
 * try (FhirTestServer fhir = FhirTestServer.start()) {
 *     fhir.addJson(patientJson).pageSize(5).delay(Duration.ofSeconds(2));
 *     ... point the code under test at fhir.baseUrl() ...
 *     assertEquals("Bearer abc", fhir.requests().get(0).authorization());
 * }
 * }</pre>
 */
public final class FhirTestServer implements AutoCloseable {

    /** Page size used until a test calls {@link #pageSize(int)}. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    // Building a FhirContext scans all R4 model classes; share one across servers and tests.
    private static final FhirContext FHIR = FhirContext.forR4();
    public static final int MAX_PAGE_SIZE = 1000;
    private static final int STORED_SEARCHES = 100;

    private final ResourceStore store = new ResourceStore();
    private final SmartAuthorization smart = new SmartAuthorization();
    private final FaultInjectionFilter faults = new FaultInjectionFilter();
    private final FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(STORED_SEARCHES);
    private final Server jetty = new Server();
    private String baseUrl;

    private FhirTestServer() {
        paging.setMaximumPageSize(MAX_PAGE_SIZE);
        paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
    }

    /** Starts a new server; close it (try-with-resources or {@code @AfterAll}) to free the port. */
    public static FhirTestServer start() {
        FhirTestServer server = new FhirTestServer();
        server.startJetty(0);
        return server;
    }

    /** The shared R4 context this server parses and serves with. */
    public FhirContext fhirContext() {
        return FHIR;
    }

    /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:41234/fhir}. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The test EHR's SMART App Launch authorization server on this server's origin: its configuration at
     * {@code {baseUrl}/.well-known/smart-configuration}, {@code /auth/authorize}, {@code /auth/token}, and
     * {@code /ehr/card}. Until a client is registered with it, the FHIR server wants no token (as for the hook ITs).
     */
    public SmartAuthorization smart() {
        return smart;
    }

    /** Stores copies of R4 resources; ones without an id get a generated {@code gen-N} id. */
    public FhirTestServer add(IBaseResource... resources) {
        for (IBaseResource resource : resources) {
            store.put(resource);
        }
        return this;
    }

    /** Parses FHIR JSON resources and stores them as {@link #add(IBaseResource...)} does. */
    public FhirTestServer addJson(String... json) {
        for (String text : json) {
            store.put(FHIR.newJsonParser().parseResource(text));
        }
        return this;
    }

    /** Removes every stored resource. */
    public FhirTestServer clear() {
        store.clear();
        return this;
    }

    /**
     * Page size for searches that do not send {@code _count}, and the most one that does gets (real servers cap
     * {@code _count} too). Until a test calls this, a search may ask for up to {@value #MAX_PAGE_SIZE}.
     */
    public FhirTestServer pageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ": " + size);
        }
        paging.setDefaultPageSize(size);
        paging.setMaximumPageSize(size);
        return this;
    }

    /** Starts a new server on the given port: one the service under test was told to allow. */
    public static FhirTestServer startAt(int port) {
        FhirTestServer server = new FhirTestServer();
        server.startJetty(port);
        return server;
    }

    /** Holds every response back for {@code delay}; combines with the failure modes below. */
    public FhirTestServer delay(Duration delay) {
        faults.delay(delay);
        return this;
    }

    /** Answers every request with {@code status} and a plain-text, non-FHIR body. */
    public FhirTestServer failWith(int status) {
        faults.failWith(status);
        return this;
    }

    /** Answers every request 200 with {@code Content-Type: application/fhir+json} and a non-JSON body. */
    public FhirTestServer answerGarbage() {
        faults.answerGarbage();
        return this;
    }

    /**
     * Answers every {@code /fhir/...} request with a 302 to the same path and query under {@code base}, e.g. another
     * server's {@link #baseUrl()}, or this one's {@link #movedBaseUrl()} for a redirect within the same origin.
     */
    public FhirTestServer redirectTo(String base) {
        faults.redirectTo(base);
        return this;
    }

    /** Sends {@code bytes} of whitespace before each real answer: valid JSON of that much more size, chunked. */
    public FhirTestServer pad(long bytes) {
        faults.pad(bytes);
        return this;
    }

    /**
     * The same resources under a second base path below the first ({@code /fhir/moved}), as the target of a redirect
     * within the same origin and base path.
     */
    public String movedBaseUrl() {
        return baseUrl + "/moved";
    }

    /** Turns off delay, failure, redirect and padding modes and releases requests still being delayed. */
    public FhirTestServer healthy() {
        faults.healthy();
        return this;
    }

    /** Requests received so far, oldest first, including ones answered by a failure mode. */
    public List<RecordedRequest> requests() {
        return faults.requests();
    }

    /** Forgets the recorded requests. */
    public FhirTestServer resetRequests() {
        faults.resetRequests();
        return this;
    }

    @Override
    public void close() {
        faults.healthy();
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop FHIR test server", e);
        }
    }

    private void startJetty(int port) {
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(faults), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(SmartServlets.bearerOnly(smart)), "/fhir/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(restfulServer()), "/fhir/*");
        context.addServlet(new ServletHolder(SmartServlets.configuration(smart)),
                "/fhir/.well-known/smart-configuration");
        context.addServlet(new ServletHolder(SmartServlets.authorize(smart)), SmartServlets.AUTHORIZE_PATH);
        context.addServlet(new ServletHolder(SmartServlets.token(smart)), SmartServlets.TOKEN_PATH);
        context.addServlet(new ServletHolder(SmartServlets.cardPage(smart)), SmartServlets.CARD_PATH);
        context.addServlet(new ServletHolder(SmartServlets.framePage(smart)), SmartServlets.FRAME_PATH);
        context.addServlet(new ServletHolder(restfulServer()), "/fhir/moved/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("could not start FHIR test server", e);
        }
        baseUrl = "http://127.0.0.1:" + connector.getLocalPort() + "/fhir";
        smart.fhirBase(baseUrl);
    }

    private RestfulServer restfulServer() {
        RestfulServer hapi = new RestfulServer(FHIR);
        hapi.setDefaultResponseEncoding(EncodingEnum.JSON);
        // Without a paging provider HAPI cannot hand out next links for large results.
        hapi.setPagingProvider(paging);
        hapi.registerProviders(new PatientProvider(store), new QuestionnaireProvider(store),
                new QuestionnaireResponseProvider(store), new ObservationProvider(store),
                new EpisodeOfCareProvider(store));
        return hapi;
    }
}
