package org.alliancecds.audit;

import jakarta.persistence.EntityManager;

/**
 * Turns an audit entry into rows, inside the caller's transaction. Writing an entry whose row exists does nothing,
 * so a write retried after a commit whose answer was lost cannot duplicate it.
 */
final class AuditRows {

    private final EntityManager em;
    private final Pseudonyms pseudonyms;

    AuditRows(EntityManager em, Pseudonyms pseudonyms) {
        this.em = em;
        this.pseudonyms = pseudonyms;
    }

    void store(AuditEntry entry) {
        if (entry instanceof InvocationAudit call) {
            invocation(call);
        } else if (entry instanceof FeedbackAudit item) {
            feedback(item);
        } else if (entry instanceof AdminActionAudit action && em.find(AuditAdminAction.class, action.id()) == null) {
            em.persist(new AuditAdminAction(action));
        }
    }

    private void invocation(InvocationAudit call) {
        if (em.find(AuditInvocation.class, call.id()) != null) {
            return;
        }
        AuditInvocation invocation = new AuditInvocation(call, pseudonyms.of(call.patientId()),
                pseudonyms.of(call.userId()));
        em.persist(invocation);
        em.flush();
        invocation.cards().forEach(this::matchEarlierFeedback);
    }

    /**
     * Feedback can arrive before its card is written: on another instance sharing the database, or when this
     * instance's backlog was waiting for the database. Such feedback was kept unmatched; it is matched now.
     */
    private void matchEarlierFeedback(AuditCard card) {
        em.createQuery("UPDATE AuditFeedback f SET f.matched = TRUE, f.ruleId = :rule, f.ruleVersion = :version"
                        + " WHERE f.cardUuid = :card AND f.matched = FALSE")
                .setParameter("rule", card.ruleId())
                .setParameter("version", card.ruleVersion())
                .setParameter("card", card.cardUuid())
                .executeUpdate();
    }

    private void feedback(FeedbackAudit item) {
        if (em.find(AuditFeedback.class, item.id()) != null) {
            return;
        }
        AuditCard card = em.find(AuditCard.class, Columns.cut(item.card(), Columns.SHORT));
        em.persist(new AuditFeedback(item, card));
    }
}
