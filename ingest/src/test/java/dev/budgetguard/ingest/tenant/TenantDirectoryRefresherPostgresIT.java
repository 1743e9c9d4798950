package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.testing.EmbeddedPostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tests of {@link TenantDirectoryRefresherIT} on a real PostgreSQL server, each on a database of its own. */
class TenantDirectoryRefresherPostgresIT extends TenantDirectoryRefresherIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @Override
    DataSource newDatabase() {
        return POSTGRES.newDatabase();
    }
}
