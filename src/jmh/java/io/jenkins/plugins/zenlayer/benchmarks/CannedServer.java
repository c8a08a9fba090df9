package io.jenkins.plugins.zenlayer.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with one fixed Zenlayer success envelope and keeps
 * connections alive, optionally over TLS.
 *
 * <p>It reads each request completely (headers and {@code Content-Length} body) but checks nothing, so that its own
 * per-request cost stays far below a client's: what a benchmark against it measures is the client. One thread per
 * connection, as in a simple blocking server.
 */
final class CannedServer implements AutoCloseable {

    static final String THREAD_PREFIX = "canned-server";

    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] ENVELOPE = ("{\"requestId\":\"T00000000-0000-0000-0000-000000000000\",\"response\":"
                    + "{\"requestId\":\"T00000000-0000-0000-0000-000000000000\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket listener;
    private final boolean https;
    private final byte[] response;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private CannedServer(ServerSocket listener, boolean https) {
        this.listener = listener;
        this.https = https;
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                        + ENVELOPE.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        response = new byte[head.length + ENVELOPE.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(ENVELOPE, 0, response, head.length, ENVELOPE.length);
        acceptor = new Thread(this::acceptLoop, THREAD_PREFIX + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Plain HTTP. */
    static CannedServer startHttp() throws IOException {
        return new CannedServer(new ServerSocket(0, 256, InetAddress.getByName("127.0.0.1")), false);
    }

    /** HTTPS with the server side of {@code tls}, for example from {@code HandshakeCertificates.sslContext()}. */
    static CannedServer startHttps(SSLContext tls) throws IOException {
        return new CannedServer(
                tls.getServerSocketFactory().createServerSocket(0, 256, InetAddress.getByName("127.0.0.1")), true);
    }

    String endpoint() {
        return (https ? "https" : "http") + "://127.0.0.1:" + listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int acceptedConnections() {
        return accepted.get();
    }

    /** Connections open now. */
    int openConnections() {
        return sockets.size();
    }

    long requestCount() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            int number = accepted.incrementAndGet();
            sockets.add(socket);
            Thread worker = new Thread(() -> serve(socket), THREAD_PREFIX + "-" + number);
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[MAX_HEAD];
            int start = 0;
            int end = 0;
            while (!closed) {
                // Read until the end of the request head.
                int headEnd;
                while ((headEnd = indexOfBlankLine(buf, start, end)) < 0) {
                    if (end == buf.length) {
                        if (start == 0) {
                            return; // head too large
                        }
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    int n = in.read(buf, end, buf.length - end);
                    if (n < 0) {
                        return;
                    }
                    end += n;
                }
                long bodyLength = contentLength(buf, start, headEnd);
                boolean close = hasConnectionClose(buf, start, headEnd);
                start = headEnd + 4;
                // Skip the body.
                long buffered = Math.min(bodyLength, end - start);
                start += (int) buffered;
                long left = bodyLength - buffered;
                while (left > 0) {
                    long skipped = in.skip(left);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            return;
                        }
                        skipped = 1;
                    }
                    left -= skipped;
                }
                if (start == end) {
                    start = 0;
                    end = 0;
                }
                out.write(response);
                out.flush();
                requests.incrementAndGet();
                if (close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // The peer went away, or the server is closing.
        } catch (IOException e) {
            // Same: a broken connection ends only itself.
        } finally {
            sockets.remove(socket);
        }
    }

    private static int indexOfBlankLine(byte[] buf, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long contentLength(byte[] buf, int from, int to) {
        String value = headerValue(buf, from, to, "content-length");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static boolean hasConnectionClose(byte[] buf, int from, int to) {
        String value = headerValue(buf, from, to, "connection");
        return value != null && value.equalsIgnoreCase("close");
    }

    private static String headerValue(byte[] buf, int from, int to, String lowerCaseName) {
        int lineStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == '\r') {
                int nameEnd = lineStart + lowerCaseName.length();
                if (nameEnd < i && buf[nameEnd] == ':' && regionMatches(buf, lineStart, lowerCaseName)) {
                    return new String(buf, nameEnd + 1, i - nameEnd - 1, StandardCharsets.US_ASCII).strip();
                }
                lineStart = i + 2;
                i++;
            }
        }
        return null;
    }

    private static boolean regionMatches(byte[] buf, int offset, String lowerCaseName) {
        for (int j = 0; j < lowerCaseName.length(); j++) {
            if (Character.toLowerCase((char) buf[offset + j]) != lowerCaseName.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
