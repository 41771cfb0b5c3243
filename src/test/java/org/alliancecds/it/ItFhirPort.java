package org.alliancecds.it;

/**
 * The port the ITs' FHIR test servers listen on: reserved by Maven ({@code it.fhir.port}, build-helper) and written
 * into the trusted-issuers file the ITs' Payara reads, whose EHR may name {@code http://127.0.0.1:<port>/fhir}.
 * A server on any other port is, for the service, one the EHR may not name.
 */
final class ItFhirPort {

    private ItFhirPort() {
    }

    static int allowed() {
        return port("it.fhir.port");
    }

    /** A second allowed port, for FuzzIT's server of random next links beside its FHIR test server. */
    static int allowedForHostile() {
        return port("it.fhir.hostile-port");
    }

    private static int port(String property) {
        String port = System.getProperty(property);
        if (port == null || !port.matches("\\d+")) {
            throw new IllegalStateException(property + " is not set: run the ITs through Maven (failsafe)");
        }
        return Integer.parseInt(port);
    }
}
