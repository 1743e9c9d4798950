package dev.budgetguard.jobs.prices;

import dev.budgetguard.jobs.cli.Command;
import dev.budgetguard.jobs.cli.CommandException;
import dev.budgetguard.jobs.cli.CommandOptions;
import dev.budgetguard.jobs.prices.SnapshotFolding.Folded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code prices import-litellm FILE --effective YYYY-MM-DD}: a new price version from that day for every model whose
 * price in the file differs from the one in force. Exits 0 when the file was read, even if some entries were
 * rejected (they are listed); collectors pick the new versions up on their next poll.
 */
@Component
class ImportLiteLlmPricesCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(ImportLiteLlmPricesCommand.class);
    private static final int SOURCE_LENGTH = 200;

    private final JdbcPriceVersions versions;
    private final Clock clock;

    ImportLiteLlmPricesCommand(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.versions = new JdbcPriceVersions(jdbc, transaction);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "prices import-litellm";
    }

    @Override
    public String usage() {
        return "FILE --effective YYYY-MM-DD";
    }

    @Override
    public int run(List<String> args) {
        CommandOptions options = CommandOptions.parse(args).requireOnly(Set.of("effective"));
        if (options.positional().size() != 1) {
            throw new CommandException("name one LiteLLM price file (model_prices_and_context_window.json)");
        }
        Path file = Path.of(options.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new CommandException("no such file: " + file);
        }
        LocalDate effective = effective(options);
        ImportSummary summary;
        try {
            summary = importFile(file, effective);
        } catch (PriceFileException e) {
            throw new CommandException(e.getMessage());
        }
        System.out.println(summary.render());
        log.info(
                "event=prices_imported file={} effective={} imported={} unchanged={} rejected={}",
                file.getFileName(),
                effective,
                summary.imported(),
                summary.unchanged(),
                summary.rejected().size());
        return 0;
    }

    ImportSummary importFile(Path file, LocalDate effective) {
        LiteLlmPriceFile.Contents contents = LiteLlmPriceFile.read(file, effective);
        Folded folded = SnapshotFolding.fold(contents.candidates());
        String source = "litellm:" + file.getFileName();
        JdbcPriceVersions.Written written = versions.write(
                folded.prices(),
                source.length() > SOURCE_LENGTH ? source.substring(0, SOURCE_LENGTH) : source,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<RejectedEntry> rejected = new ArrayList<>(contents.rejected());
        rejected.addAll(folded.conflicts());
        rejected.addAll(written.refused());
        int inScope = contents.candidates().size() + contents.rejected().size();
        return new ImportSummary(
                file.toString(),
                effective,
                contents.entries(),
                inScope,
                written.imported(),
                written.unchanged(),
                folded.folded(),
                folded.duplicates(),
                rejected,
                contents.skippedByProvider(),
                contents.skippedByMode(),
                contents.derivedFields(),
                contents.ignoredFields());
    }

    private static LocalDate effective(CommandOptions options) {
        String text = options.value("effective")
                .orElseThrow(() -> new CommandException("--effective YYYY-MM-DD is required"));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandException("--effective must be a date such as 2026-01-01, was '" + text + "'");
        }
    }
}
