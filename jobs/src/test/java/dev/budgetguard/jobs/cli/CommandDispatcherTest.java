package dev.budgetguard.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandDispatcherTest {

    /** A command that records the arguments it was given and answers a fixed exit code. */
    private static final class Recording implements Command {
        final String name;
        final int exit;
        final List<List<String>> calls = new ArrayList<>();

        Recording(String name, int exit) {
            this.name = name;
            this.exit = exit;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String usage() {
            return "[args]";
        }

        @Override
        public int run(List<String> args) {
            calls.add(args);
            if (args.contains("--bad")) {
                throw new CommandException("bad option");
            }
            return exit;
        }
    }

    private final Recording jobsRun = new Recording("jobs run", 0);
    private final Recording jobsSchedule = new Recording("jobs schedule", 0);
    private final Recording demo = new Recording("demo", 1);
    private final CommandDispatcher dispatcher = new CommandDispatcher(List.of(demo, jobsRun, jobsSchedule));

    @Test
    void theCommandWhoseWordsLeadTheArgumentsGetsTheRest() {
        // when
        int exit = dispatcher.dispatch(List.of("jobs", "run", "rollup", "--as-of", "2026-12-01T00:00:00Z"));

        // then
        assertThat(exit).isZero();
        assertThat(jobsRun.calls).containsExactly(List.of("rollup", "--as-of", "2026-12-01T00:00:00Z"));
        assertThat(jobsSchedule.calls).isEmpty();
    }

    @Test
    void springSettingsBeforeTheCommandAreNotPartOfIt() {
        // given settings first, as a launcher or a test passes them
        List<String> args = List.of("--budgetguard.lake.uri=/srv/lake", "--x=y", "jobs", "run", "rollup", "--as-of=z");

        // when / then
        assertThat(CommandDispatcher.withoutLeadingProperties(args))
                .containsExactly("jobs", "run", "rollup", "--as-of=z");
    }

    @Test
    void exitCodesComeFromTheCommandAndFailuresAreOne() {
        // when / then: the command's own code, a refusal, and an unknown command
        assertThat(dispatcher.dispatch(List.of("demo"))).isEqualTo(1);
        assertThat(dispatcher.dispatch(List.of("jobs", "schedule", "--bad"))).isEqualTo(1);
        assertThat(dispatcher.dispatch(List.of("jobs", "status"))).isEqualTo(1);
        assertThat(dispatcher.usage()).isEqualTo("usage:\n  demo [args]\n  jobs run [args]\n  jobs schedule [args]");
    }

    @Test
    void optionsParseInEveryFormAndUnknownOnesAreRefused() {
        // when
        CommandOptions options = CommandOptions.parse(
                List.of("rollup", "--as-of", "2026-12-01T00:00:00Z", "--recover", "--date=2026-12-01"));

        // then
        assertThat(options.positional()).containsExactly("rollup");
        assertThat(options.value("as-of")).contains("2026-12-01T00:00:00Z");
        assertThat(options.flag("recover")).isTrue();
        assertThat(options.value("date")).contains("2026-12-01");
        assertThatThrownBy(() -> options.requireOnly(java.util.Set.of("as-of")))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("unknown option --");
    }
}
