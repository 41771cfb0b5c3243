package org.alliancecds.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser pages' files on Payara: the clinician view at {@code /view/} (framable by the test EHR's pages on
 * localhost, which {@code cds.view.frame-ancestors} names here), the modules it shares with the console at
 * {@code /shared/} (never framed), and nothing under {@code /view/api/} taken by the files.
 */
@ExtendWith(ArquillianExtension.class)
class WebPagesIT {

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    private static String policy(Reply reply) {
        return reply.header("Content-Security-Policy").orElse("");
    }

    @Test
    void theViewIsServedWithItsPolicyAndItsFolderWithoutTheSlashRedirects() {
        CdsClient client = new CdsClient(deployment);
        Reply index = client.get("view/");
        assertEquals(200, index.status(), index::toString);
        assertTrue(index.contentType().startsWith("text/html"), index.contentType());
        assertTrue(policy(index).endsWith("frame-ancestors http://localhost:*"), policy(index));
        assertTrue(policy(index).contains("script-src 'self'"), policy(index));
        Reply model = client.get("view/model.js");
        assertEquals(200, model.status());
        assertTrue(model.contentType().startsWith("text/javascript"), model.contentType());
        Reply bare = client.get("view");
        assertEquals(302, bare.status(), bare::toString);
        assertTrue(bare.header("Location").orElse("").endsWith("/view/"), bare::toString);
    }

    @Test
    void sharedModulesAreNeverFramedAndTheApiPathIsNotAFile() {
        CdsClient client = new CdsClient(deployment);
        Reply chart = client.get("shared/chart.js");
        assertEquals(200, chart.status(), chart::toString);
        assertTrue(policy(chart).endsWith("frame-ancestors 'none'"), policy(chart));
        assertEquals(404, client.get("shared/").status());
        Reply api = client.get("view/api/patient");
        assertFalse(policy(api).contains("frame-ancestors"), "the view's files do not answer " + api);
    }
}
