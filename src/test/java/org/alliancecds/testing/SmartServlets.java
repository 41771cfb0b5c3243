package org.alliancecds.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The test EHR's SMART App Launch 2.0 endpoints on the FHIR test server's Jetty, over {@link SmartAuthorization}:
 * the SMART configuration under the FHIR base, {@code /auth/authorize} (client, redirect URI, {@code aud}, PKCE S256
 * required, launch context; approves at once, or on a consent page when told to), {@code /auth/token} (the code's
 * PKCE challenge answered by the verifier, else {@code invalid_grant}), a filter that lets only a valid bearer token
 * read the FHIR server once a client is registered, {@code /ehr/card}, a page that shows a card's smart link as an
 * EHR does, and {@code /ehr/frame}, a page that launches the app in an iframe.
 */
final class SmartServlets {

    static final String AUTHORIZE_PATH = "/auth/authorize";
    static final String TOKEN_PATH = "/auth/token";
    static final String CARD_PATH = "/ehr/card";
    static final String FRAME_PATH = "/ehr/frame";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmartServlets() {
    }

    /** {@code GET {fhir}/.well-known/smart-configuration}. */
    static HttpServlet configuration(SmartAuthorization smart) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                ObjectNode config = JSON.createObjectNode()
                        .put("issuer", smart.fhirBase())
                        .put("authorization_endpoint", smart.authorizationOrigin() + AUTHORIZE_PATH)
                        .put("token_endpoint", smart.tokenOrigin() + TOKEN_PATH);
                smart.challengeMethods().forEach(config.putArray("code_challenge_methods_supported")::add);
                smart.scopesSupported().forEach(config.putArray("scopes_supported")::add);
                List.of("launch-ehr", "launch-standalone", "client-public", "client-confidential-symmetric",
                        "context-ehr-patient", "context-standalone-patient", "permission-v1", "permission-v2")
                        .forEach(config.putArray("capabilities")::add);
                json(response, 200, config);
            }
        };
    }

    /** {@code GET /auth/authorize}: checks, then a redirect back with a code, or with an error. */
    static HttpServlet authorize(SmartAuthorization smart) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                smart.authorizeRequest(request.getQueryString());
                var client = smart.client(request.getParameter("client_id"));
                String redirect = request.getParameter("redirect_uri");
                if (client.isEmpty() || !Objects.equals(client.get().redirectUri(), redirect)) {
                    // never redirect to an unregistered URI (RFC 6749 4.1.2.1)
                    response.sendError(400, "unknown client or redirect_uri");
                    return;
                }
                String state = request.getParameter("state");
                String scope = request.getParameter("scope") == null ? "" : request.getParameter("scope");
                List<String> scopes = Arrays.asList(scope.split(" "));
                String error = null;
                SmartAuthorization.Launch context = null;
                if (!"code".equals(request.getParameter("response_type"))) {
                    error = "unsupported_response_type";
                } else if (!smart.fhirBase().equals(request.getParameter("aud"))) {
                    error = "invalid_request";
                } else if (request.getParameter("code_challenge") == null
                        || !"S256".equals(request.getParameter("code_challenge_method"))) {
                    error = "invalid_request";
                } else if (scopes.contains("launch")) {
                    context = smart.launch(request.getParameter("launch")).orElse(null);
                    error = context == null ? "invalid_request" : null;
                } else if (scopes.contains("launch/patient")) {
                    context = smart.standalonePatient().map(patient -> new SmartAuthorization.Launch(patient, null))
                            .orElse(null);
                    error = context == null ? "access_denied" : null;
                } else {
                    error = "invalid_scope";
                }
                String back = redirect + (redirect.contains("?") ? "&" : "?");
                if (error != null) {
                    back += "error=" + error;
                } else {
                    back += "code=" + SmartAuthorization.encode(smart.issueCode(new SmartAuthorization.Code(
                            client.get().id(), redirect, request.getParameter("code_challenge"), scope, context)));
                }
                back += state == null ? "" : "&state=" + SmartAuthorization.encode(state);
                if (error == null && smart.consentPage()) {
                    response.setContentType("text/html; charset=UTF-8");
                    response.getWriter().write("<!doctype html><html lang=\"en\"><head><title>Test EHR: allow the "
                            + "app?</title></head><body><a id=\"approve\" href=\"" + escape(back) + "\">Allow</a>"
                            + "</body></html>");
                    return;
                }
                response.sendRedirect(back);
            }
        };
    }

    /** {@code POST /auth/token}: the authorization code grant, PKCE verified. */
    static HttpServlet token(SmartAuthorization smart) {
        return new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String grantType = request.getParameter("grant_type");
                String verifier = request.getParameter("code_verifier");
                String[] basic = basic(request.getHeader("Authorization"));
                String clientId = basic != null ? basic[0] : request.getParameter("client_id");
                var code = smart.takeCode(request.getParameter("code"));
                var client = smart.client(clientId);
                String error = null;
                if (!"authorization_code".equals(grantType)) {
                    error = "unsupported_grant_type";
                } else if (client.isEmpty() || (client.get().secret() != null
                        && (basic == null || !client.get().secret().equals(basic[1])))) {
                    error = "invalid_client";
                } else if (code.isEmpty() || !code.get().clientId().equals(clientId)
                        || !code.get().redirectUri().equals(request.getParameter("redirect_uri"))
                        || verifier == null || !s256(verifier).equals(code.get().challenge())) {
                    error = "invalid_grant";
                }
                smart.tokenRequest(new SmartAuthorization.TokenRequest(grantType, verifier != null, basic != null,
                        error == null ? 200 : 400));
                if (error != null) {
                    json(response, error.equals("invalid_client") ? 401 : 400,
                            JSON.createObjectNode().put("error", error));
                    return;
                }
                SmartAuthorization.Launch context = code.get().context();
                ObjectNode answer = JSON.createObjectNode()
                        .put("access_token", smart.issueToken(context.patient(), code.get().scope()))
                        .put("token_type", "Bearer")
                        .put("expires_in", smart.lifetimeSeconds())
                        .put("scope", code.get().scope())
                        .put("patient", context.patient())
                        .put("need_patient_banner", true);
                if (context.appContext() != null) {
                    answer.put("appContext", context.appContext());
                }
                json(response, 200, answer);
            }
        };
    }

    /** Lets a request read the FHIR server only with a valid token, once the EHR has registered a client. */
    static Filter bearerOnly(SmartAuthorization smart) {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                HttpServletRequest http = (HttpServletRequest) request;
                String path = http.getRequestURI().substring("/fhir".length());
                if (!smart.enforcing() || path.startsWith("/.well-known/")) {
                    chain.doFilter(request, response);
                    return;
                }
                String type = path.replaceAll("^/", "").replaceAll("[/?].*", "");
                int refusal = smart.refusal(http.getHeader("Authorization"), type);
                if (refusal == 0) {
                    chain.doFilter(request, response);
                    return;
                }
                HttpServletResponse answer = (HttpServletResponse) response;
                answer.setStatus(refusal);
                answer.setContentType("application/fhir+json");
                answer.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                        + "\"code\":\"" + (refusal == 401 ? "login" : "forbidden") + "\"}]}");
            }
        };
    }

    /**
     * {@code GET /ehr/card?url=…&label=…&patient=…&appContext=…}: a card's smart link as an EHR shows it, its launch
     * registered for the patient and appContext, for a browser test to click.
     */
    static HttpServlet cardPage(SmartAuthorization smart) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String href = smart.launchUrl(request.getParameter("url"), request.getParameter("patient"),
                        request.getParameter("appContext"));
                String label = Objects.requireNonNullElse(request.getParameter("label"), "Open");
                response.setContentType("text/html; charset=UTF-8");
                response.getWriter().write("<!doctype html><html lang=\"en\"><head><title>Test EHR: card</title>"
                        + "</head><body><div class=\"card\"><a id=\"smart-link\" href=\"" + escape(href) + "\">"
                        + escape(label) + "</a></div></body></html>");
            }
        };
    }

    /**
     * {@code GET /ehr/frame?url=…&patient=…&appContext=…}: the app launched inside an iframe of the EHR's page, as most
     * EHRs show SMART apps; the frame is sized like an EHR's app pane.
     */
    static HttpServlet framePage(SmartAuthorization smart) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String src = smart.launchUrl(request.getParameter("url"), request.getParameter("patient"),
                        request.getParameter("appContext"));
                response.setContentType("text/html; charset=UTF-8");
                response.getWriter().write("<!doctype html><html lang=\"en\"><head><title>Test EHR: app</title>"
                        + "</head><body style=\"margin:0\"><iframe id=\"app\" title=\"App\" src=\"" + escape(src)
                        + "\" style=\"border:0;width:1260px;height:780px\"></iframe></body></html>");
            }
        };
    }

    private static String[] basic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {decode(pair.substring(0, colon)), decode(pair.substring(colon + 1))};
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The PKCE S256 challenge of a verifier (RFC 7636 4.2), as the authorization server checks it. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
