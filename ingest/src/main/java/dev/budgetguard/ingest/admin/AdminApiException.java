package dev.budgetguard.ingest.admin;

import org.springframework.http.HttpStatus;

/** An admin request that fails in a way the caller should be told about, with everything the error body needs. */
final class AdminApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String param;
    private final String code;

    private AdminApiException(HttpStatus status, String type, String param, String code, String message) {
        // Expected outcomes: a stack trace would only cost time and never be shown.
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    static AdminApiException invalidRequest(String param, String code, String message) {
        return new AdminApiException(HttpStatus.BAD_REQUEST, "invalid_request_error", param, code, message);
    }

    static AdminApiException unauthorized(String code, String message) {
        return new AdminApiException(HttpStatus.UNAUTHORIZED, "authentication_error", null, code, message);
    }

    static AdminApiException notFound(String code, String message) {
        return new AdminApiException(HttpStatus.NOT_FOUND, "not_found_error", null, code, message);
    }

    static AdminApiException conflict(String param, String code, String message) {
        return new AdminApiException(HttpStatus.CONFLICT, "invalid_request_error", param, code, message);
    }

    static AdminApiException unavailable(String code, String message) {
        return new AdminApiException(HttpStatus.SERVICE_UNAVAILABLE, "server_error", null, code, message);
    }

    static AdminApiException of(HttpStatus status, String type, String code, String message) {
        return new AdminApiException(status, type, null, code, message);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }
}
