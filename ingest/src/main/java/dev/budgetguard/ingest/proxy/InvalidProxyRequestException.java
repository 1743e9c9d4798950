package dev.budgetguard.ingest.proxy;

import java.util.Objects;

/** A request body the proxy refuses before forwarding, with the answer the client gets. */
public class InvalidProxyRequestException extends RuntimeException {

    private final ProxyError error;

    public InvalidProxyRequestException(ErrorAnswer answer) {
        this(answer.error());
    }

    public InvalidProxyRequestException(ProxyError error) {
        // The message never carries parser details: those quote the request body.
        super(Objects.requireNonNull(error, "error").code(), null, false, false);
        this.error = error;
    }

    public ProxyError error() {
        return error;
    }
}
