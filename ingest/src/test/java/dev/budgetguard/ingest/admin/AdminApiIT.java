package dev.budgetguard.ingest.admin;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AdminApiScenarios} on the default H2 file database. */
class AdminApiIT extends AdminApiScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + h2File());
    }

    private static Path h2File() {
        return dataDir.resolve("budgetguard");
    }
}
