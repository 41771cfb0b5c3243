package org.alliancecds.audit;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * Keeps the latest feedback in memory, bounded so a busy site cannot exhaust the heap; the oldest items give way
 * and are counted in the log.
 */
@ApplicationScoped
public class InMemoryFeedbackLog implements FeedbackLog {

    static final int CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(InMemoryFeedbackLog.class.getName());

    private final Deque<FeedbackItem> items = new ArrayDeque<>();

    @Override
    public synchronized void record(List<FeedbackItem> received) {
        for (FeedbackItem item : received) {
            if (items.size() == CAPACITY) {
                items.removeFirst();
                LOG.warning("feedback buffer full: the oldest item was dropped");
            }
            items.addLast(item);
        }
    }

    @Override
    public synchronized List<FeedbackItem> recent(int limit) {
        List<FeedbackItem> all = new ArrayList<>(items);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }
}
