package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.ErrorAnswer;

/** A request body the proxy refuses, with the answer it gets and the model when one was read. */
final class InvalidChatRequestException extends RuntimeException {

    private final ErrorAnswer answer;

    InvalidChatRequestException(ErrorAnswer answer) {
        // The message never carries parser details: those quote the request body.
        super(answer.code(), null, false, false);
        this.answer = answer;
    }

    ErrorAnswer answer() {
        return answer;
    }
}
