package org.alliancecds.audit;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * A data source that connects through whichever JDBC driver in the application accepts its URL, so that switching
 * the audit from the embedded H2 to PostgreSQL takes a URL, a user and a password, and no driver class name. The
 * application server pools its connections. Drivers are looked up in the application's own class loader, not
 * through {@code DriverManager}, which does not see drivers packaged in a WAR.
 */
public class JdbcUrlDataSource implements DataSource {

    private static final int MAX_BROKEN_PROVIDERS = 100;

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isEmpty()) {
            properties.setProperty("user", username);
        }
        if (secret != null && !secret.isEmpty()) {
            properties.setProperty("password", secret);
        }
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver for " + scheme() + " refused the URL");
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        if (url == null || url.isBlank()) {
            throw new SQLException("no database URL configured (cds.db.url)");
        }
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, JdbcUrlDataSource.class.getClassLoader())
                .iterator();
        for (int broken = 0; broken < MAX_BROKEN_PROVIDERS; ) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError e) {
                // A broken provider file of some other library must not hide the drivers after it.
                broken++;
                continue;
            }
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        throw new SQLException("no JDBC driver in the application accepts " + scheme() + " URLs");
    }

    /** The URL up to its second colon: enough to name the database, never a password given in the URL. */
    private String scheme() {
        int first = url.indexOf(':');
        int second = first < 0 ? -1 : url.indexOf(':', first + 1);
        return second < 0 ? "this kind of" : url.substring(0, second);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
