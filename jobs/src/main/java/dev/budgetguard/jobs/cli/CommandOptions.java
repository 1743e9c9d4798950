package dev.budgetguard.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of a command: positional words, then {@code --name value}, {@code --name=value} or {@code --flag}.
 *
 * @param positional words before the first option
 * @param options option values by name without dashes; a flag maps to {@code "true"}
 */
public record CommandOptions(List<String> positional, Map<String, String> options) {

    public CommandOptions {
        positional = List.copyOf(positional);
        options = Map.copyOf(options);
    }

    public static CommandOptions parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (!options.isEmpty()) {
                    throw new CommandException("unexpected argument '" + arg + "' after the options");
                }
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                options.put(name, args.get(++i));
            } else {
                options.put(name, "true");
            }
        }
        return new CommandOptions(positional, options);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    /** Refuses options the command does not know, so that a typo is not silently ignored. */
    public CommandOptions requireOnly(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new CommandException("unknown option --" + name + "; known: --" + String.join(", --", known));
            }
        }
        return this;
    }
}
