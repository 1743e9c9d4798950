package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;

/** A chat completion body the proxy refuses, with the answer it gets. */
final class InvalidChatRequestException extends InvalidProxyRequestException {

    private final transient ErrorAnswer answer;

    InvalidChatRequestException(ErrorAnswer answer) {
        super(answer);
        this.answer = answer;
    }

    ErrorAnswer answer() {
        return answer;
    }
}
