package dev.budgetguard.ingest.testing;

import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's chat completion wire format as the fake upstream writes it, public so that tests can state the exact bytes
 * a client would have got directly.
 */
public final class OpenAiWire {

    public static final String ID = "chatcmpl-fake0001";
    public static final long CREATED = 1_767_225_600L;

    private OpenAiWire() {}

    /** A whole {@code chat.completion} body. */
    public static String completion(String model, PlannedReply reply) {
        String usage = reply.usage() == null ? "" : ",\"usage\":" + usage(reply.usage());
        return "{\"id\":\"" + ID + "\",\"object\":\"chat.completion\",\"created\":" + CREATED + ",\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + String.join("", reply.content()) + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
                + "\"finish_reason\":\"stop\"}]" + usage + ",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_fake\"}";
    }

    /** The SSE events of a streamed reply, each ending in a blank line, {@code data: [DONE]} last. */
    public static List<String> streamEvents(String model, PlannedReply reply, boolean includeUsage) {
        String usageNull = includeUsage ? ",\"usage\":null" : "";
        List<String> events = new ArrayList<>();
        events.add(chunk(
                model,
                "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                        + "\"logprobs\":null,\"finish_reason\":null}",
                usageNull));
        for (String piece : reply.content()) {
            events.add(chunk(
                    model,
                    "{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"logprobs\":null,"
                            + "\"finish_reason\":null}",
                    usageNull));
        }
        events.add(chunk(model, "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}", usageNull));
        if (includeUsage && reply.usage() != null) {
            events.add("data: {\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                    + ",\"model\":\"" + model + "\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake\","
                    + "\"choices\":[],\"usage\":" + usage(reply.usage()) + "}\n\n");
        }
        events.add("data: [DONE]\n\n");
        return events;
    }

    /** The whole stream as one string. */
    public static String stream(String model, PlannedReply reply, boolean includeUsage) {
        return String.join("", streamEvents(model, reply, includeUsage));
    }

    private static String chunk(String model, String choice, String usageNull) {
        return "data: {\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                + ",\"model\":\"" + model + "\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake\","
                + "\"choices\":[" + choice + "]" + usageNull + "}\n\n";
    }

    private static String usage(Usage u) {
        return "{\"prompt_tokens\":" + u.prompt() + ",\"completion_tokens\":" + u.completion() + ",\"total_tokens\":"
                + (u.prompt() + u.completion()) + ",\"prompt_tokens_details\":{\"cached_tokens\":" + u.cached()
                + ",\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":" + u.reasoning()
                + ",\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
    }
}
