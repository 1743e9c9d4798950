package dev.budgetguard.ingest.audit;

import java.util.regex.Pattern;

/**
 * Who made an admin change. There is one admin key, so the actor is always {@code admin}; an operator may add a name
 * ({@code X-Admin-Actor}), recorded as {@code admin:alice}. The name is bounded and plain so it cannot forge log lines.
 */
public record Actor(String name) {

    public static final Actor ADMIN = new Actor("admin");
    public static final int MAX_OPERATOR_LENGTH = 64;

    private static final Pattern OPERATOR =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0," + (MAX_OPERATOR_LENGTH - 1) + "}");

    public Actor {
        if (name == null || !(name.equals("admin") || name.startsWith("admin:") && isOperator(name.substring(6)))) {
            throw new IllegalArgumentException("actor must be 'admin' or 'admin:<operator>'");
        }
    }

    /** The admin key's holder, named by the operator when {@code operator} is given. */
    public static Actor admin(String operator) {
        if (operator == null) {
            return ADMIN;
        }
        if (!isOperator(operator)) {
            throw new IllegalArgumentException("must be 1-" + MAX_OPERATOR_LENGTH
                    + " characters of letters, digits, '.', '_', '@', '+' or '-', starting with a letter or digit");
        }
        return new Actor("admin:" + operator);
    }

    private static boolean isOperator(String operator) {
        return OPERATOR.matcher(operator).matches();
    }

    @Override
    public String toString() {
        return name;
    }
}
