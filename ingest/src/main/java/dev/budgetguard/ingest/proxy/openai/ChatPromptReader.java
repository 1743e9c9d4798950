package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.admission.PromptSize;
import dev.budgetguard.ingest.proxy.wire.PromptScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Collects what the prompt of a chat completion is made of while the request parser passes over it: each message's
 * role, text content and name as text for the tokenizer (as OpenAI's cookbook counts them), images, audio and files
 * as non-text parts, and everything else that reaches the model as text but is not plain content (tool calls, tool
 * definitions, response schemas) by its raw JSON bytes, one token per byte. A part naming a file by {@code file_id} or
 * {@code file_url} brings input the collector cannot see. Not thread-safe; one per parse.
 */
final class ChatPromptReader {

    /** Inside a non-text part: what points at an uploaded or remote file. The part itself is counted here. */
    static final PromptScan.Rules FILE_REFERENCES =
            new PromptScan.Rules(Set.of(), Set.of(), Set.of("file_id", "file_url"), Set.of());

    private final PromptScan scan = new PromptScan(FILE_REFERENCES);

    private final List<String> texts = new ArrayList<>();
    private int messages;
    private int names;
    private int nonTextParts;
    private long boundedBytes;

    /** Reads the {@code messages} value the parser is positioned on, leaving it after that value. */
    void messages(JsonParser p, JsonToken value) {
        if (value != JsonToken.START_ARRAY) {
            boundedBytes += skipMeasured(p);
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                message(p);
            } else {
                boundedBytes += skipMeasured(p);
            }
        }
    }

    /** A top-level member the model reads as text it was not given as content: counted by its bytes. */
    void bounded(JsonParser p) {
        boundedBytes += skipMeasured(p);
    }

    PromptSize size() {
        return new PromptSize(List.copyOf(texts), messages, names, nonTextParts, boundedBytes, scan.unseenInput());
    }

    private void message(JsonParser p) {
        messages++;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "role" -> text(p, value);
                case "name" -> {
                    names++;
                    text(p, value);
                }
                case "content" -> content(p, value);
                default -> boundedBytes += skipMeasured(p);
            }
        }
    }

    private void content(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            texts.add(p.getString());
        } else if (value == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                part(p);
            }
        } else {
            boundedBytes += skipMeasured(p);
        }
    }

    /** One content part: {@code {"type":"text","text":...}} is text, any other type (image, audio, file) is not. */
    private void part(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            boundedBytes += skipMeasured(p);
            return;
        }
        long start = p.currentTokenLocation().getByteOffset();
        String type = null;
        String text = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                type = p.getString();
            } else if ("text".equals(name) && value == JsonToken.VALUE_STRING) {
                text = p.getString();
            } else {
                if (value != JsonToken.VALUE_NULL
                        && FILE_REFERENCES.unseenMembers().contains(name)) {
                    scan.unseen();
                }
                scan.value(p, value);
            }
        }
        if ("text".equals(type) && text != null) {
            texts.add(text);
        } else {
            // The part's bytes too: inline data (base64 audio, a PDF) can cost more than the per-part allowance.
            nonTextParts++;
            boundedBytes += p.currentLocation().getByteOffset() - start;
        }
    }

    private void text(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            texts.add(p.getString());
        } else {
            boundedBytes += skipMeasured(p);
        }
    }

    /** Skips the value the parser is on and returns how many bytes of the body it spans. */
    private static long skipMeasured(JsonParser p) {
        long start = p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        return Math.max(0, p.currentLocation().getByteOffset() - start);
    }
}
