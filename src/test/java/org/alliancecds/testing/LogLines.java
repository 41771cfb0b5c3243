package org.alliancecds.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines one logger writes while a test runs, as formatted messages; close to stop listening. */
public final class LogLines extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogLines(Logger logger) {
        this.logger = logger;
        this.previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** A logger of its own, for code that is handed the logger it writes to. */
    public static LogLines ofItsOwn() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        return new LogLines(logger);
    }

    public Logger logger() {
        return logger;
    }

    public static LogLines of(Class<?> loggingClass) {
        return new LogLines(Logger.getLogger(loggingClass.getName()));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getMessage());
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
