package dev.rsx.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's row counts, on a real server. */
class RowCountsTest {

    /** More tables than one query counts, an odd name, a table that does not exist, and one named twice. */
    @OnEveryTarget
    void countsEveryExistingTableInTheOrderAsked(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            List<String> asked = new ArrayList<>();
            Map<String, Long> expected = new LinkedHashMap<>();
            for (int i = 0; i < 130; i++) {
                String table = "t" + i;
                db.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
                if (i % 7 == 0) {
                    db.execute("INSERT INTO " + table + " () VALUES " + String.join(", ", Collections.nCopies(i % 5 + 1, "()")));
                }
                asked.add(0, table);
                expected.put(table, i % 7 == 0 ? (long) (i % 5 + 1) : 0L);
            }
            db.execute("CREATE TABLE `odd``name` (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            db.execute("INSERT INTO `odd``name` () VALUES (), ()");
            asked.add(3, "ODD`NAME");
            asked.add("missing");
            asked.add("t0");

            Map<String, Long> counts;
            try (Connection connection = db.connect()) {
                counts = RowCounts.of(connection, db.schema(), asked);
            }

            List<String> order = new ArrayList<>(asked.subList(0, asked.size() - 2));
            order.set(3, "odd`name");
            assertEquals(order, List.copyOf(counts.keySet()));
            expected.put("odd`name", 2L);
            assertEquals(expected, counts);
        }
    }
}
