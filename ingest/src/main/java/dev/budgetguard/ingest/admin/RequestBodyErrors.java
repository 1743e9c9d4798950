package dev.budgetguard.ingest.admin;

import java.util.stream.Collectors;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Describes an unreadable request body without echoing the parser's message, which quotes input and names classes:
 * a missing body, JSON that does not parse (a repeated key included), or a field of the wrong type (named from the
 * parser's path).
 */
final class RequestBodyErrors {

    private RequestBodyErrors() {}

    static AdminApiException describe(ServerWebInputException e) {
        JacksonException jackson = jacksonCause(e);
        if (jackson == null) {
            if (e.getCause() == null) {
                return AdminApiException.invalidRequest(null, "missing_body", "A JSON request body is required.");
            }
            return AdminApiException.invalidRequest(null, "invalid_json", "The request body is not valid JSON.");
        }
        if (isRepeatedKey(jackson)) {
            return AdminApiException.invalidRequest(
                    null, "invalid_json", "The request body is not valid JSON: an object repeats a key.");
        }
        if (jackson.getPath() == null) {
            return AdminApiException.invalidRequest(null, "invalid_json", "The request body is not valid JSON.");
        }
        String field = jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return AdminApiException.invalidRequest(null, "invalid_json", "The request body is not valid JSON.");
        }
        return AdminApiException.invalidRequest(field, "invalid_value", "'" + field + "' has the wrong type.");
    }

    // Jackson names this failure only in its message ("Duplicate Object property ..."); the key itself is not echoed.
    private static boolean isRepeatedKey(JacksonException e) {
        return e instanceof StreamReadException
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate ");
    }

    private static JacksonException jacksonCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
