package dev.budgetguard.ingest.proxy.spool;

import dev.budgetguard.schemas.spool.RecoveryReport;
import dev.budgetguard.schemas.spool.SegmentedFileUsageLog;
import dev.budgetguard.schemas.spool.SpoolCounters;
import dev.budgetguard.schemas.spool.UsageLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The spool as a bean: opened (and recovered) at start, closed after the web server stopped taking calls. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpoolProperties.class)
public class SpoolConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolConfiguration.class);

    @Bean(destroyMethod = "close")
    public UsageLog usageLog(SpoolProperties properties, ObjectProvider<Clock> clock) {
        SegmentedFileUsageLog log =
                SegmentedFileUsageLog.open(properties.settings(), clock.getIfAvailable(Clock::systemUTC));
        RecoveryReport recovery = log.recovery();
        LOG.info(
                "spool_opened dir={} node_id={} fsync={} clean={} segments_recovered={} records_kept={} torn_bytes={}",
                properties.dir().toAbsolutePath(),
                properties.nodeId(),
                properties.fsync().name().toLowerCase(Locale.ROOT),
                recovery.isClean(),
                recovery.segmentsRecovered().size(),
                recovery.recordsKept(),
                recovery.tornBytes());
        return log;
    }

    @Bean
    public MeterBinder spoolMetrics(UsageLog log) {
        return registry -> {
            Gauge.builder(
                            "budgetguard.spool.queue.depth",
                            log,
                            l -> l.counters().queueDepth())
                    .description("Records waiting for the spool writer")
                    .register(registry);
            counter(registry, log, "budgetguard.spool.records.appended", SpoolCounters::recordsAppended);
            counter(registry, log, "budgetguard.spool.records.refused", SpoolCounters::recordsRefused);
            counter(registry, log, "budgetguard.spool.records.written", SpoolCounters::recordsWritten);
            counter(registry, log, "budgetguard.spool.bytes.written", SpoolCounters::bytesWritten);
            counter(registry, log, "budgetguard.spool.fsyncs", SpoolCounters::fsyncs);
            counter(registry, log, "budgetguard.spool.segments.sealed", SpoolCounters::segmentsSealed);
            counter(registry, log, "budgetguard.spool.write.failures", SpoolCounters::writeFailures);
        };
    }

    private static void counter(
            MeterRegistry registry, UsageLog log, String name, ToDoubleFunction<SpoolCounters> value) {
        FunctionCounter.builder(name, log, l -> value.applyAsDouble(l.counters()))
                .register(registry);
    }
}
