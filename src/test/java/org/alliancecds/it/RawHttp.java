package org.alliancecds.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@link java.net.http.HttpClient} will not send: a Content-Length
 * larger than the body, or a chunked body that goes on after the server has answered. The request is written on
 * its own thread, so that the answer is read even while the server has stopped reading the body.
 */
final class RawHttp {

    /** Writes the body part of a request; may be cut short by the server closing the connection. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, ending in an empty line) and the body. */
    static Reply send(URI root, String head, Body body) {
        long start = System.nanoTime();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    body.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed before the whole body was sent: that is what is tested.
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("raw HTTP to " + root + " failed", e);
        }
    }

    /** The head of a JSON POST to {@code path} with a valid token, and the given length header. */
    static String signedJsonPost(CdsClient client, String path, String lengthHeader) {
        return "POST /" + path + " HTTP/1.1\r\n"
                + "Host: " + client.root().getHost() + ":" + client.root().getPort() + "\r\n"
                + "Authorization: " + CdsClient.bearer(client.token(path).sign()) + "\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\n"
                + lengthHeader + "\r\nConnection: close\r\n\r\n";
    }

    /** One chunk of a chunked body. */
    static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The empty chunk that ends a chunked body. */
    static void lastChunk(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Reply read(InputStream in, Duration elapsed) throws IOException {
        String status = line(in);
        Map<String, String> headers = new HashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        Map<String, List<String>> all = new HashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new Reply(Integer.parseInt(status.split(" ")[1]), headers.getOrDefault("content-type", ""),
                new String(body, StandardCharsets.UTF_8), elapsed, all);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
