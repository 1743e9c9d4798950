package dev.budgetguard.ingest.snapshot;

import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.proxy.spool.SpoolProperties;
import dev.budgetguard.schemas.spool.SpoolLayout;
import dev.budgetguard.schemas.spool.UsageLog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the snapshot follower. Creating it does the restart rebuild, during context refresh: after the spool bean
 * recovered the spool and before the web server starts taking calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
class SnapshotConfiguration {

    @Bean
    SnapshotFollower snapshotFollower(
            JdbcClient jdbc,
            SpendLedger ledger,
            UsageLog spool,
            SpoolProperties spoolProperties,
            ObjectProvider<Clock> clock) {
        SnapshotFollower follower = new SnapshotFollower(
                new JdbcSnapshotStore(jdbc),
                ledger,
                new LocalSpendIndex(),
                new SpoolRebuild(new SpoolLayout(spoolProperties.dir()), spoolProperties.nodeId()),
                spoolProperties.nodeId(),
                clock.getIfAvailable(Clock::systemUTC));
        follower.start(spool);
        return follower;
    }

    @Bean(destroyMethod = "close")
    SnapshotPoller snapshotPoller(SnapshotFollower follower, SnapshotProperties properties) {
        return SnapshotPoller.start(follower, properties.pollInterval());
    }
}
