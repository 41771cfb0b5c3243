package org.alliancecds.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.function.ToLongFunction;

/**
 * The audit's counts as MicroProfile Metrics (application scope, e.g. {@code application_audit_dropped} at
 * {@code /metrics}), for alerts: any {@code failed} or {@code dropped} means audit entries were lost.
 */
@ApplicationScoped
public class AuditMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    AuditTrail trail;

    void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
        gauge("audit.pending", AuditStats::pending);
        gauge("audit.written", AuditStats::written);
        gauge("audit.retries", AuditStats::retries);
        gauge("audit.failed", AuditStats::failed);
        gauge("audit.dropped", AuditStats::dropped);
    }

    private void gauge(String name, ToLongFunction<AuditStats> count) {
        registry.gauge(name, trail, audit -> count.applyAsLong(audit.stats()));
    }
}
