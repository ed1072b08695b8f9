package cn.hitech.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster made from the machine's installed server binaries: its own data folder,
 * its own port, loopback only. {@link #start()} creates the cluster on first use and is idempotent, as is
 * {@link #ensureDatabase}.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Names the folder the cluster lives in when {@link #home} is closed to the server user. */
    static final String LOCATION_FILE = "cluster-location";
    /** In a relocated cluster's folder: the home it belongs to. */
    private static final String OWNER_FILE = "home";
    private static final String CLUSTER_PREFIX = "hitech-pg-";

    private final Path home;
    private final int port;
    private final String superuserPassword;
    private final boolean durable;
    private final Path bin;

    /**
     * @param home    folder for the cluster ({@code home/data}) and its log ({@code home/postgres.log}). As root, when the
     *                {@code postgres} user cannot pass through a parent of it (a checkout in a 0700 folder such as
     *                {@code /root/...} or a {@code mktemp -d}), the cluster lives in a folder of its own under
     *                {@code /var/lib/hitech-postgres} (durable) or the system's temp folder, recorded in
     *                {@code home/cluster-location}; {@link #discard()} deletes both
     * @param durable false for throw-away test clusters: fsync off, which makes schema migrations several times faster
     */
    public PostgresServer(Path home, int port, String superuserPassword, boolean durable) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.durable = durable;
        this.bin = findBinaries();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return clusterHome().resolve("data");
    }

    public Path logFile() {
        return clusterHome().resolve("postgres.log");
    }

    /** Where the cluster lives: {@link #home} itself, or the folder recorded there when it had to move out. */
    public Path clusterHome() {
        Path recorded = home.resolve(LOCATION_FILE);
        try {
            return Files.exists(recorded) ? Path.of(Files.readString(recorded, StandardCharsets.UTF_8).trim()) : home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As root, a home closed to the server user gets a cluster folder of its own, recorded in the home. */
    private void relocateIfClosed() {
        if (!Commands.ROOT || Files.exists(home.resolve(LOCATION_FILE)) || reachableByServerUser(home)) {
            return;
        }
        Path base = durable ? Path.of("/var/lib/hitech-postgres") : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(base);
            if (!reachableByServerUser(base.resolve("cluster"))) {
                throw new InfraException("the postgres user can reach neither " + home + " nor " + base
                        + ": open one of them to it (chmod o+x on the closed parent folder)");
            }
            reapOrphans(base);
            Path cluster = Files.createTempDirectory(base, CLUSTER_PREFIX);
            Files.writeString(cluster.resolve(OWNER_FILE), home + "\n", StandardCharsets.UTF_8);
            Commands.giveToServerUser(cluster);
            Files.createDirectories(home);
            Files.writeString(home.resolve(LOCATION_FILE), cluster + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Relocated clusters whose home is gone (a checkout deleted without {@code clean}, a test folder wiped while its
     * cluster ran) would stay forever: each start of a relocated cluster stops and deletes them.
     */
    private void reapOrphans(Path base) {
        try (Stream<Path> clusters = Files.list(base)) {
            clusters.filter(c -> c.getFileName().toString().startsWith(CLUSTER_PREFIX)).forEach(cluster -> {
                Path owner = cluster.resolve(OWNER_FILE);
                try {
                    if (!Files.exists(owner)
                            || Files.exists(Path.of(Files.readString(owner, StandardCharsets.UTF_8).trim()).resolve(LOCATION_FILE))) {
                        return;
                    }
                    if (Files.exists(cluster.resolve("data/postmaster.pid"))) {
                        Commands.run(Commands.asServerUser(pgCommand("pg_ctl"), "-D", cluster.resolve("data").toString(), "-m",
                                "immediate", "-w", "-t", "30", "stop"), Map.of(), null, 60);
                    }
                } catch (IOException | InfraException e) {
                    System.err.println("could not stop the orphaned cluster in " + cluster + ": " + e.getMessage());
                }
                Folders.deleteTree(cluster);
            });
        } catch (IOException e) {
            System.err.println("could not look for orphaned clusters in " + base + ": " + e.getMessage());
        }
    }

    /** Stops the cluster and deletes it with its folder (and the one it was relocated to): for throw-away clusters. */
    public void discard() {
        try {
            stop();
        } catch (InfraException e) {
            System.err.println("could not stop the cluster in " + clusterHome() + ": " + e.getMessage());
        }
        Path cluster = clusterHome();
        if (!cluster.equals(home)) {
            Folders.deleteTree(cluster);
        }
        Folders.deleteTree(home);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the cluster if it does not exist yet and starts it; a running cluster is left as it is. */
    public void start() {
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            initialise();
        }
        if (isRunning()) {
            return;
        }
        Path log = logFile();
        try {
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Commands.giveToServerUser(log);
        Commands.run(Commands.asServerUser(pgCommand("pg_ctl"), "-D", dataDir().toString(), "-l", log.toString(),
                "-o", "-p " + port, "-w", "-t", "60", "start"), Map.of(), null, 90);
    }

    public boolean isRunning() {
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            return false;
        }
        try {
            Commands.run(Commands.asServerUser(pgCommand("pg_ctl"), "-D", dataDir().toString(), "status"), Map.of(), null, 30);
            return true;
        } catch (InfraException notRunning) {
            return false;
        }
    }

    /** Stops the cluster (fast mode: open sessions are ended, committed data is kept). */
    public void stop() {
        if (isRunning()) {
            Commands.run(Commands.asServerUser(pgCommand("pg_ctl"), "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60",
                    "stop"), Map.of(), null, 90);
        }
    }

    /**
     * Stops the cluster as a crash would (immediate mode: every process quits at once, nothing is flushed, the next
     * {@link #start()} recovers from the write-ahead log). For fault tests.
     */
    public void crash() {
        if (isRunning()) {
            Commands.run(Commands.asServerUser(pgCommand("pg_ctl"), "-D", dataDir().toString(), "-m", "immediate", "-w", "-t",
                    "60", "stop"), Map.of(), null, 90);
        }
    }

    /** Creates a login role and a database it owns, unless they exist. */
    public void ensureDatabase(String database, String owner, String password) {
        requireIdentifier(database);
        requireIdentifier(owner);
        String sql = """
                SELECT format('CREATE ROLE %%I LOGIN PASSWORD %%L', '%1$s', '%2$s')
                 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') \\gexec
                SELECT format('CREATE DATABASE %%I OWNER %%I ENCODING ''UTF8'' TEMPLATE template0', '%3$s', '%1$s')
                 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '%3$s') \\gexec
                """.formatted(owner, password.replace("'", "''"), database);
        psql(sql);
    }

    /** Runs SQL as the superuser against the {@code postgres} database; fails on the first error. */
    public String psql(String sql) {
        return Commands.run(List.of(pgCommand("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", SUPERUSER, "-d", "postgres", "-f", "-"), Map.of("PGPASSWORD", superuserPassword),
                sql, 60);
    }

    private void initialise() {
        relocateIfClosed();
        Path cluster = clusterHome();
        Commands.createDirectories(cluster);
        Commands.giveToServerUser(cluster);
        Path passwordFile = cluster.resolve("pwfile");
        try {
            Files.writeString(passwordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            Commands.giveToServerUser(passwordFile);
            Commands.run(Commands.asServerUser(pgCommand("initdb"), "-D", dataDir().toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"), Map.of(), null, 120);
            Files.writeString(dataDir().resolve("postgresql.conf"), """

                    # --- written by cn.hitech.platform.infra.PostgresServer ---
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = ''
                    max_connections = 300
                    timezone = 'UTC'
                    fsync = %1$s
                    synchronous_commit = %1$s
                    full_page_writes = %1$s
                    """.formatted(durable ? "on" : "off"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException ignored) {
                // the folder is private to this cluster
            }
        }
    }

    /** As root the server runs as {@code postgres}, which must be able to pass through every parent folder. */
    private static boolean reachableByServerUser(Path folder) {
        for (Path parent = folder.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                try {
                    Commands.run(Commands.asServerUser("test", "-x", parent.toString()), Map.of(), null, 10);
                } catch (InfraException closed) {
                    return false;
                }
            }
        }
        return true;
    }

    private String pgCommand(String name) {
        return bin.resolve(name).toString();
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }

    /**
     * The server binaries: {@code PG_BIN} if set, else the newest {@code /usr/lib/postgresql/<version>/bin} (Debian's
     * layout, where they are not on PATH), else {@code pg_config --bindir}. On a fresh Debian or Ubuntu machine, as
     * root, the server package is installed first, so both README commands work there without a manual step.
     */
    static synchronized Path findBinaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return requireInitdb(Path.of(configured));
        }
        Optional<Path> installed = installedBinaries();
        if (installed.isPresent()) {
            return installed.get();
        }
        if (Commands.ROOT && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("PostgreSQL server not found: installing Debian's postgresql package (apt-get) …");
            Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
            Commands.run(List.of("apt-get", "update", "-qq"), quiet, null, 600);
            Commands.run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"), quiet, null, 900);
            installed = installedBinaries();
            if (installed.isPresent()) {
                return installed.get();
            }
        }
        try {
            return requireInitdb(Path.of(Commands.run(List.of("pg_config", "--bindir"), Map.of(), null, 10).trim()));
        } catch (InfraException notFound) {
            throw new InfraException("No PostgreSQL server binaries (initdb, pg_ctl) found. Install the server package, "
                    + "e.g. 'apt-get install postgresql' on Debian/Ubuntu, or point PG_BIN at the folder holding initdb.");
        }
    }

    private static Optional<Path> installedBinaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    private static Path requireInitdb(Path bin) {
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new InfraException("No initdb in " + bin + ": install the PostgreSQL server package (Debian: postgresql).");
        }
        return bin;
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
