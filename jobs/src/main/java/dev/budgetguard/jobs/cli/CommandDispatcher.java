package dev.budgetguard.jobs.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the command named by the program arguments and keeps its exit code for {@code SpringApplication.exit}.
 * Arguments that Spring Boot reads as properties ({@code --name=value}) are also passed on, so commands see them too.
 */
@Component
class CommandDispatcher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final List<Command> commands;
    private int exitCode;

    CommandDispatcher(List<Command> commands) {
        this.commands = commands.stream()
                .sorted(Comparator.comparing((Command c) -> words(c).size()).reversed())
                .toList();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = withoutLeadingProperties(Arrays.asList(arguments.getSourceArgs()));
        if (args.isEmpty()) {
            System.out.println(usage());
            exitCode = 1;
            return;
        }
        exitCode = dispatch(args);
    }

    int dispatch(List<String> args) {
        Optional<Command> match =
                commands.stream().filter(c -> startsWith(args, words(c))).findFirst();
        if (match.isEmpty()) {
            System.err.println("unknown command: " + String.join(" ", args) + "\n" + usage());
            return 1;
        }
        Command command = match.get();
        try {
            return command.run(args.subList(words(command).size(), args.size()));
        } catch (CommandException e) {
            System.err.println(command.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            log.error("command=\"{}\" failed", command.name(), e);
            return 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    String usage() {
        StringBuilder text = new StringBuilder("usage:");
        commands.stream()
                .sorted(Comparator.comparing(Command::name))
                .forEach(c -> text.append("\n  ").append(c.name()).append(' ').append(c.usage()));
        return text.toString();
    }

    /**
     * Settings given before the command ({@code --budgetguard.lake.uri=/srv/lake jobs run rollup}) are Spring Boot's;
     * the command starts at the first word.
     */
    static List<String> withoutLeadingProperties(List<String> args) {
        int start = 0;
        while (start < args.size()
                && args.get(start).startsWith("--")
                && args.get(start).contains("=")) {
            start++;
        }
        return args.subList(start, args.size());
    }

    private static List<String> words(Command command) {
        return List.of(command.name().trim().split("\\s+"));
    }

    private static boolean startsWith(List<String> args, List<String> prefix) {
        return args.size() >= prefix.size() && args.subList(0, prefix.size()).equals(prefix);
    }
}
