package org.alliancecds.bench.audit;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * A connection pool of at most {@code size} connections, standing in for Payara's pool of one instance (the audit's
 * has 4): a connection handed back is rolled back if a transaction is open, set to auto-commit and kept for the next
 * borrower. No validation: the benchmark's database does not go away.
 */
final class SmallPool implements DataSource, AutoCloseable {

    private final DataSource target;
    private final Semaphore permits;
    private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
    private final List<Connection> all = new CopyOnWriteArrayList<>();

    SmallPool(DataSource target, int size) {
        this.target = target;
        this.permits = new Semaphore(size, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a connection", e);
        }
        try {
            Connection physical = idle.poll();
            if (physical == null) {
                physical = target.getConnection();
                all.add(physical);
            }
            return lent(physical);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection lent(Connection physical) {
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(SmallPool.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if ("close".equals(method.getName())) {
                        if (returned.compareAndSet(false, true)) {
                            giveBack(physical);
                        }
                        return null;
                    }
                    if ("isClosed".equals(method.getName())) {
                        return returned.get() || physical.isClosed();
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection physical) throws SQLException {
        try {
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            idle.add(physical);
        } catch (SQLException e) {
            all.remove(physical);
            physical.close();
            throw e;
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : all) {
            connection.close();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are fixed");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the target's
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
