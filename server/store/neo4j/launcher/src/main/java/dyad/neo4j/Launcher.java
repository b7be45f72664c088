package dyad.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j Community embedded with Bolt on 127.0.0.1:PORT, no authentication, and prints
 * {@code bolt://127.0.0.1:PORT} on stdout once Bolt accepts connections. Stops cleanly on
 * SIGTERM/SIGINT, or when stdin closes if started with {@code -Ddyad.exitWithStdin=true}.
 * Usage: {@code Launcher PORT [DATA_DIR]}; without DATA_DIR the data lives in a temporary
 * folder removed at shutdown. The page cache is 128 MiB unless {@code -Ddyad.pageCacheBytes=N}.
 */
public final class Launcher {
  private static final String HOST = "127.0.0.1";
  private static final long PAGE_CACHE_BYTES = 128L * 1024 * 1024;
  private static final long READY_TIMEOUT_MS = 120_000;

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: Launcher PORT [DATA_DIR]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    boolean temporary = args.length == 1;
    Path home = temporary ? Files.createTempDirectory("dyad-neo4j-") : Files.createDirectories(Path.of(args[1]));

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, Long.getLong("dyad.pageCacheBytes", PAGE_CACHE_BYTES))
        // Bolt otherwise idles 5 s twice while stopping; a test run stops Neo4j every time.
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      if (temporary) deleteTree(home);
      stopped.countDown();
    }, "dyad-neo4j-shutdown"));

    awaitBolt(port);
    System.out.println("bolt://" + HOST + ":" + port);
    System.out.flush();
    if (Boolean.getBoolean("dyad.exitWithStdin")) exitWhenStdinCloses();
    stopped.await();
  }

  /** A parent that dies without stopping us (a killed test run) closes our stdin: stop too. */
  private static void exitWhenStdinCloses() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is sent; only the end of the stream matters.
        }
      } catch (IOException closed) {
        // Same as end of stream.
      }
      System.exit(0);
    }, "dyad-neo4j-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** The database is started when build() returns; Bolt may open a moment later. */
  private static void awaitBolt(int port) throws InterruptedException {
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 1_000);
        return;
      } catch (IOException notYet) {
        if (System.currentTimeMillis() > deadline) {
          System.err.println("Neo4j Bolt did not open on " + HOST + ":" + port);
          System.exit(1);
        }
        Thread.sleep(200);
      }
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + root + ": " + e.getMessage());
    }
  }
}
