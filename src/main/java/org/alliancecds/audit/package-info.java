/**
 * What the service keeps of what it told clinicians and how they answered.
 * <p>
 * In: feedback items from CDS clients. Out: a record behind {@link org.alliancecds.audit.FeedbackLog}; this version
 * keeps it in memory, bounded, until persistence arrives with the audit trail. No tokens, no patient data.
 */
package org.alliancecds.audit;
