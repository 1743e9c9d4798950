package dev.budgetguard.jobs.report;

import dev.budgetguard.jobs.cli.Command;
import dev.budgetguard.jobs.cli.CommandException;
import dev.budgetguard.jobs.cli.CommandOptions;
import dev.budgetguard.jobs.lake.LakeProperties;
import dev.budgetguard.reports.lake.EmptyLakeException;
import dev.budgetguard.reports.spend.SpendReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code report spend --from D --to D}: spend per tenant and model over whole UTC days, both ends included. */
@Component
class ReportSpendCommand implements Command {

    private final LakeProperties lake;

    ReportSpendCommand(LakeProperties lake) {
        this.lake = lake;
    }

    @Override
    public String name() {
        return "report spend";
    }

    @Override
    public String usage() {
        return "--from 2026-11-01 --to 2026-11-30 [--lake DIR]";
    }

    @Override
    public int run(List<String> args) {
        CommandOptions options = CommandOptions.parse(args).requireOnly(Set.of("from", "to", "lake"));
        if (!options.positional().isEmpty()) {
            throw new CommandException(
                    "unexpected argument '" + options.positional().get(0) + "'");
        }
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        if (to.isBefore(from)) {
            throw new CommandException("--to " + to + " is before --from " + from);
        }
        Path root = options.value("lake").map(Path::of).orElseGet(() -> LocalLake.of(lake));
        try {
            System.out.println(SpendReport.run(root, from, to).render());
        } catch (EmptyLakeException e) {
            throw new CommandException(e.getMessage());
        }
        return 0;
    }

    private static LocalDate date(CommandOptions options, String name) {
        String text =
                options.value(name).orElseThrow(() -> new CommandException("--" + name + " YYYY-MM-DD is required"));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandException("--" + name + " must be a date such as 2026-11-01, was '" + text + "'");
        }
    }
}
