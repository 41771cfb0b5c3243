package org.alliancecds.quiet;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

/** A data source for tests that counts the connections asked of it and can be taken down and up again. */
final class SwitchableDataSource {

    final AtomicInteger connections = new AtomicInteger();
    private final DataSource target;
    private volatile boolean down;

    SwitchableDataSource(DataSource target) {
        this.target = target;
    }

    void down(boolean isDown) {
        this.down = isDown;
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                        if (down) {
                            throw new SQLTransientConnectionException("connection refused", "08001");
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
