package org.alliancecds.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** What every IT deploys: the WAR exactly as {@code mvn package} built it (failsafe runs after package). */
final class Deployments {

    /**
     * The admin token of the ITs' one admin credential, {@link #ADMIN_NAME}: its SHA-256 is in
     * src/test/resources/admin-credentials.json, which arquillian.xml's cmdOptions name (ClusterIT gives it as the
     * shared demo token).
     */
    static final String ADMIN_TOKEN = "it-admin-token-5b0e";
    static final String ADMIN_NAME = "it-informaticist";

    private static final File BUILT_WAR = new File("target/alliance-cds.war");

    private Deployments() {
    }

    static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, BUILT_WAR);
    }
}
