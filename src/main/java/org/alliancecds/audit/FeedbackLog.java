package org.alliancecds.audit;

import java.util.List;

/** Where feedback goes. The boundary depends on this alone, so the store can change without touching it. */
public interface FeedbackLog {

    void record(List<FeedbackItem> items);

    /** The most recent items, newest last, at most {@code limit}. */
    List<FeedbackItem> recent(int limit);
}
