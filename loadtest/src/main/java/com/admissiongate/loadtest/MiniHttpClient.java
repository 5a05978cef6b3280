package com.admissiongate.loadtest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, GET only. A few hundred lines less than a client library and, more to the
 * point, a few microseconds per request: on two shared cores the driver must not eat the service's CPU.
 */
final class MiniHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] headerTail;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] skip = new byte[16384];
    long bodyBytes;

    MiniHttpClient(URI base, String bearer) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.headerTail = (" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (bearer == null || bearer.isBlank() ? "" : "Authorization: Bearer " + bearer + "\r\n")
                + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Returns the status code; the body is read and discarded (its size lands in {@link #bodyBytes}). */
    int get(String pathAndQuery) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(pathAndQuery.getBytes(StandardCharsets.US_ASCII));
            out.write(headerTail);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 65536);
        out = new BufferedOutputStream(socket.getOutputStream(), 4096);
    }

    private int readResponse() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("bad status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int c = h.indexOf(':');
            if (c < 0) {
                continue;
            }
            String name = h.substring(0, c).trim().toLowerCase();
            String value = h.substring(c + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase().contains("chunked")) {
                chunked = true;
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            for (long n = Long.parseLong(line().split(";")[0].trim(), 16); n > 0; n = Long.parseLong(line().split(";")[0].trim(), 16)) {
                discard(n);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            discard(length);
        } else {
            closeAfter = true; // body until EOF
            while (in.read(skip) >= 0) {
                // drain
            }
        }
        if (closeAfter) {
            close();
        }
        return code;
    }

    private void discard(long n) throws IOException {
        bodyBytes += n;
        while (n > 0) {
            int r = in.read(skip, 0, (int) Math.min(skip.length, n));
            if (r < 0) {
                throw new EOFException("connection closed mid-body");
            }
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
