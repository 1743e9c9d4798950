package dev.budgetguard.ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream that speaks raw bytes on a socket, for what a well-behaved HTTP server cannot be made to do: interim
 * 1xx answers, resets in the middle of an answer, bodies without an end. Each request read (head plus
 * Content-Length body) gets the next queued {@link Reply}; a connection stays open for more requests unless the reply
 * closed it. Without a queued reply the connection is closed.
 */
public final class ScriptedUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private ScriptedUpstream() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ScriptedUpstream start() {
        try {
            return new ScriptedUpstream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the scripted upstream", e);
        }
    }

    /** What to configure as {@code budgetguard.providers.openai.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    public ScriptedUpstream plan(Reply reply) {
        replies.add(reply);
        return this;
    }

    /** Request heads received, lower-cased, in order. */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    public void reset() {
        replies.clear();
        heads.clear();
        connections.set(0);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread serving = new Thread(() -> serve(socket), "scripted-upstream-conn");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!socket.isClosed()) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head.toLowerCase(Locale.ROOT));
                in.readNBytes(contentLength(head));
                Reply reply = replies.poll();
                if (reply == null) {
                    return;
                }
                reply.write(socket, out);
                out.flush();
            }
        } catch (IOException e) {
            // the proxy hung up; nothing to serve
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return matched == 4 ? head.toString(StandardCharsets.ISO_8859_1) : null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    /** What to write for one request. */
    @FunctionalInterface
    public interface Reply {

        void write(Socket socket, OutputStream out) throws IOException;

        /** Exactly these bytes (ISO-8859-1), the connection kept open. */
        static Reply raw(String bytes) {
            return (socket, out) -> out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** A 200 {@code application/json} body with its Content-Length. */
        static Reply json(String body) {
            return raw(jsonHead(body.length()) + body);
        }

        /** The status line and headers of a 200 JSON answer of {@code length} bytes. */
        static String jsonHead(int length) {
            return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nopenai-organization: org-operator\r\n"
                    + "openai-processing-ms: 7\r\nContent-Length: " + length + "\r\n\r\n";
        }

        /** The status line and headers of a chunked SSE answer. */
        static String streamHead() {
            return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
        }

        /** One HTTP chunk carrying {@code data}. */
        static String chunk(String data) {
            return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
        }

        /** {@code before}, then a TCP reset (SO_LINGER 0 and close). */
        static Reply resetAfter(String before) {
            return (socket, out) -> {
                out.write(before.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.setSoLinger(true, 0);
                socket.close();
            };
        }
    }
}
