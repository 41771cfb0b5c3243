package org.alliancecds.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.alliancecds.audit.AdminActionAudit;
import org.alliancecds.audit.AuditTrail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The admin API's credentials and refusal counts, read once at start-up, and the audit of what admins do. With
 * {@code cds.admin.credentials} set, only its named credentials are accepted ({@code cds.admin.token} is then
 * ignored, with a warning); the shared {@code cds.admin.token} is for the demo run. A credentials file that cannot
 * be read turns the admin API off: a mistake must never let anyone in.
 */
@ApplicationScoped
public class AdminAccess {

    private static final Logger LOG = Logger.getLogger(AdminAccess.class.getName());

    @Inject
    @ConfigProperty(name = "cds.admin.credentials")
    Optional<String> credentialsFile;

    @Inject
    @ConfigProperty(name = "cds.admin.token")
    Optional<String> demoToken;

    @Inject
    @ConfigProperty(name = "cds.admin.refusals-per-minute", defaultValue = "5")
    int refusalsPerMinute;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    private AdminCredentials credentials = AdminCredentials.none();
    private AdminRefusals refusals;

    @PostConstruct
    void load() {
        refusals = new AdminRefusals(Math.max(1, refusalsPerMinute), clock);
        Optional<String> file = credentialsFile.filter(name -> !name.isBlank());
        try {
            if (file.isPresent()) {
                credentials = AdminCredentials.read(Path.of(file.get()));
                if (demoToken.filter(token -> !token.isBlank()).isPresent()) {
                    LOG.warning("cds.admin.token is ignored: the admin API takes the named credentials of "
                            + "cds.admin.credentials only");
                }
                LOG.info(() -> "admin API on: " + credentials.size() + " named credential(s)");
            } else {
                credentials = AdminCredentials.demoToken(demoToken.orElse(null));
                if (credentials.any()) {
                    LOG.warning("admin API on with the shared cds.admin.token, acting as 'demo': for the demo run "
                            + "only; give each informaticist a credential in cds.admin.credentials");
                } else {
                    LOG.info("admin API off: neither cds.admin.credentials nor cds.admin.token is set");
                }
            }
        } catch (IllegalArgumentException e) {
            credentials = AdminCredentials.none();
            LOG.severe(() -> "admin API off: " + e.getMessage());
        }
    }

    /** Instantiates the bean at start-up, so that its warnings are logged before the first admin call. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.fine(() -> "admin credentials: " + credentials.size());
    }

    AdminGate gate() {
        return new AdminGate(credentials, refusals);
    }

    Clock clock() {
        return clock;
    }

    void record(AdminActionAudit action) {
        audit.adminAction(action);
    }
}
