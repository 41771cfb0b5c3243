package org.alliancecds.it;

import org.alliancecds.testing.Folders;
import org.alliancecds.testing.PayaraMicroProcess;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Payara Micro instances of the built WAR on this machine, forming one Hazelcast cluster as N instances behind a load
 * balancer would. They discover each other over TCP/IP on loopback, by their data-grid ports only, under a cluster
 * name made for the run: the Payara Micros that other ITs (and other builds on this machine) start at the same time
 * use Payara's default multicast discovery and another cluster name, so neither side can join the other. Every
 * instance writes to the run's audit database.
 */
final class TestCluster implements AutoCloseable {

    static final Duration START = Duration.ofMinutes(4);
    // Payara's "Data Grid Status", logged by each member when it starts and whenever the membership changes.
    private static final Pattern GRID_UP = Pattern.compile("DG Size: \\d+");

    private final Path home;
    private final String name = "alliance-cds-it-" + UUID.randomUUID();
    private final List<Integer> gridPorts = new ArrayList<>();
    private final String members;
    private final List<PayaraMicroProcess> instances = new ArrayList<>();

    /** A cluster of {@code size} members to be, their folders under {@code home}. */
    TestCluster(Path home, int size) throws IOException {
        this.home = home;
        for (int member = 0; member < size; member++) {
            gridPorts.add(PayaraMicroProcess.freePort());
        }
        members = "tcpip:" + String.join(",", gridPorts.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    /**
     * Starts member {@code member} (0 first) with the service's settings given; the audit database and the cluster
     * options are added here. The first member is waited for until its data grid is up, so that the others join it
     * rather than found clusters of their own (two founders would split in two).
     */
    PayaraMicroProcess start(String instanceName, int member, List<String> settings) throws IOException {
        List<String> jvm = new ArrayList<>(settings);
        jvm.addAll(List.of(
                "-Dcds.db.url=" + System.getProperty("audit.db.url"),
                "-Dcds.db.user=" + System.getProperty("audit.db.user"),
                "-Dcds.db.password=" + System.getProperty("audit.db.password"),
                "-Dcds.audit.max-retry-delay-ms=1000",
                // Hazelcast listens on loopback only, not on every interface of the machine.
                "-Dhazelcast.socket.bind.any=false"));
        List<String> micro = List.of("--name", instanceName, "--clustername", name, "--clustermode", members,
                "--interfaces", "127.0.0.1", "--startport", Integer.toString(gridPorts.get(member)));
        PayaraMicroProcess instance = PayaraMicroProcess.start(instanceName,
                Path.of(System.getProperty("payara.micro.jar")), Path.of("target/alliance-cds.war"),
                home.resolve(instanceName), PayaraMicroProcess.freePort(), jvm, micro);
        instances.add(instance);
        if (member == 0) {
            instance.awaitLog(GRID_UP, START);
        }
        return instance;
    }

    /** Stops an instance; its log stays, its runtime copy (some 250 MB) goes. */
    void stop(PayaraMicroProcess instance) throws IOException {
        instance.close();
        instances.remove(instance);
        Folders.delete(home.resolve(instance.name()));
    }

    List<PayaraMicroProcess> instances() {
        return List.copyOf(instances);
    }

    static CdsClient client(PayaraMicroProcess instance) {
        try {
            return new CdsClient(instance.root().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static CdsClient admin(PayaraMicroProcess instance) {
        return client(instance).authorized("Bearer " + Deployments.ADMIN_TOKEN);
    }

    /** The end of every instance's log, for a failure's message. */
    String logs() {
        StringBuilder tails = new StringBuilder();
        instances.forEach(instance -> tails.append('\n').append(instance.logTail()));
        return tails.toString();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (PayaraMicroProcess instance : List.copyOf(instances)) {
            stop(instance);
        }
    }
}
