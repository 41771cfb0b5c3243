package org.alliancecds.audit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcUrlDataSourceTest {

    @Test
    void theUrlAloneChoosesTheDriver() throws SQLException {
        JdbcUrlDataSource h2 = new JdbcUrlDataSource();
        h2.setUrl("jdbc:h2:mem:choose");
        h2.setUser("sa");
        try (Connection connection = h2.getConnection()) {
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
        }
        JdbcUrlDataSource postgres = new JdbcUrlDataSource();
        postgres.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        SQLException refused = assertThrows(SQLException.class, postgres::getConnection);
        assertTrue(refused.getClass().getName().startsWith("org.postgresql"), refused::toString);
    }

    @Test
    void anUnknownDatabaseIsNamedWithoutTheRestOfItsUrl() {
        JdbcUrlDataSource unknown = new JdbcUrlDataSource();
        unknown.setUrl("jdbc:nosuchdb://db.example.org/audit?password=secret");
        SQLException refused = assertThrows(SQLException.class, unknown::getConnection);
        assertTrue(refused.getMessage().contains("jdbc:nosuchdb"), refused::getMessage);
        assertFalse(refused.getMessage().contains("secret"), refused::getMessage);
    }

    @Test
    void noUrlSaysWhichSettingIsMissing() {
        SQLException refused = assertThrows(SQLException.class, () -> new JdbcUrlDataSource().getConnection());
        assertTrue(refused.getMessage().contains("cds.db.url"), refused::getMessage);
    }
}
