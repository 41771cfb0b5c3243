package org.alliancecds.admin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.alliancecds.audit.AdminActionAudit;

import java.time.Instant;
import java.util.UUID;

/**
 * Records every admin call {@link AdminGuard} let through or refused with 401 in the audit: who (the credential's
 * name, none when refused), what (method and path), when, from where, and the status it got. Runs for refusals too,
 * since JAX-RS passes an aborted request's response through the response filters.
 */
@Provider
public class AdminAuditFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(AdminGuard.RECEIVED_PROPERTY) instanceof Instant received)) {
            return;
        }
        String admin = request.getProperty(AdminGuard.ADMIN_PROPERTY) instanceof String name ? name : null;
        String address = request.getProperty(AdminGuard.ADDRESS_PROPERTY) instanceof String from ? from : null;
        String action = request.getMethod() + " /" + request.getUriInfo().getPath();
        CDI.current().select(AdminAccess.class).get().record(new AdminActionAudit(UUID.randomUUID().toString(), admin,
                action, address, received, response.getStatus()));
    }
}
