package org.alliancecds.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The audit's counts, under liveness. A slow or unreachable database leaves it UP: hooks do not wait for the
 * audit, so taking the instance out of service would fail calls the audit must never fail; the counts say what is
 * happening. It is DOWN only when the writer thread has died, which a restart mends.
 */
@Liveness
@ApplicationScoped
public class AuditHealth implements HealthCheck {

    @Inject
    AuditTrail trail;

    @Override
    public HealthCheckResponse call() {
        AuditStats stats = trail.stats();
        return HealthCheckResponse.named("audit")
                .status(!trail.writerDied())
                .withData("database", stats.database())
                .withData("pending", stats.pending())
                .withData("written", stats.written())
                .withData("retries", stats.retries())
                .withData("failed", stats.failed())
                .withData("dropped", stats.dropped())
                .build();
    }
}
