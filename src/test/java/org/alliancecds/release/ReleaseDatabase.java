package org.alliancecds.release;

import org.alliancecds.audit.JdbcUrlDataSource;
import org.flywaydb.core.Flyway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An in-memory H2 with the real migrations, as the audit's tests use, and small releases to store in it. */
final class ReleaseDatabase {

    final JdbcUrlDataSource dataSource = new JdbcUrlDataSource();

    ReleaseDatabase() {
        dataSource.setUrl("jdbc:h2:mem:releases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure(ReleaseDatabase.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").load().migrate();
    }

    /** A release of one rule file whose text is {@code drl}, made by ana at {@code at}, unchecked. */
    static Release release(String version, String drl, Instant at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("fhir-profiles/scoring/none.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("rules/a.drl"));
            zip.write(drl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReleaseContent content = ReleaseContent.fromZip(out.toByteArray());
        return new Release(new ReleaseSummary(SemanticVersion.parse(version), content.hash(), at, "ana",
                "release " + version, content.ruleFiles(), content.size()), content);
    }

    /** Rows as text, SQL NULL as "null". */
    List<List<String>> query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<List<String>> rows = new ArrayList<>();
            if (!statement.execute(sql)) {
                return rows;
            }
            try (ResultSet result = statement.getResultSet()) {
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.add(String.valueOf(result.getString(column)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    void shutdown() throws SQLException {
        query("SHUTDOWN");
    }
}
