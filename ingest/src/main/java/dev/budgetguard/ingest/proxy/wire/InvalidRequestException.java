package dev.budgetguard.ingest.proxy.wire;

/** A request body the proxy refuses, with the reason. */
public final class InvalidRequestException extends RuntimeException {

    private final RequestProblem problem;

    public InvalidRequestException(RequestProblem problem) {
        // The message never carries parser details: those quote the request body.
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    public RequestProblem problem() {
        return problem;
    }
}
