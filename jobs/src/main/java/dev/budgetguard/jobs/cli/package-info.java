/**
 * The jobs application's command line: {@code jobs run <job>} today, and room for {@code report spend}, {@code demo},
 * {@code jobs schedule} and {@code prices import-litellm}. Each command is a {@link dev.budgetguard.jobs.cli.Command}
 * bean; the dispatcher picks the one whose name matches the leading arguments and turns its result into the process
 * exit code.
 */
package dev.budgetguard.jobs.cli;
