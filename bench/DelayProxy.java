import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that delivers every byte a fixed delay after it arrived, in both directions: a server
 * across a network, for the benchmark's LATENCY_MS runs. A round trip through it takes twice the delay longer, so a
 * tool pays for each connection it opens and each statement it sends as it would against a remote server. Bytes keep
 * their order and the throughput is not limited: each chunk waits for its own due time only.
 *
 * <pre>
 * java bench/DelayProxy.java &lt;listen-port&gt; &lt;server-port&gt; &lt;one-way-delay-ms&gt;
 * </pre>
 *
 * Prints {@code listening} once it accepts connections; runs until killed.
 */
public class DelayProxy {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java bench/DelayProxy.java <listen-port> <server-port> <one-way-delay-ms>");
            System.exit(2);
        }
        int serverPort = Integer.parseInt(args[1]);
        long delayNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2]));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(loopback, Integer.parseInt(args[0])));
            System.out.println("listening");
            System.out.flush();
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(loopback, serverPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                pipe(client, server, delayNanos);
                pipe(server, client, delayNanos);
            }
        }
    }

    /** Copies {@code from} to {@code to}, each chunk {@code delayNanos} after it was read, closing both at the end. */
    private static void pipe(Socket from, Socket to, long delayNanos) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        // In arrival order, so the head is always the chunk due first.
        BlockingQueue<Chunk> due = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    due.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the other side closed: what was read is still delivered, then the end
            }
            due.add(new Chunk(System.nanoTime() + delayNanos, null));
        });
        Thread writer = new Thread(() -> {
            try {
                for (Chunk chunk; (chunk = due.take()).bytes != null; ) {
                    for (long wait; (wait = chunk.dueNanos - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(chunk.bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the receiving side is gone
            }
            closeQuietly(from);
            closeQuietly(to);
        });
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }

    /** Bytes read at one time, due at {@code dueNanos}; null bytes mark the end of the stream. */
    private record Chunk(long dueNanos, byte[] bytes) {}
}
