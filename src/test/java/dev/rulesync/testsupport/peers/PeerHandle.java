package dev.rulesync.testsupport.peers;

/** A running peer, as a local process or a container: enough to stop it and to show why a test failed. */
interface PeerHandle extends AutoCloseable {

    String name();

    boolean isAlive();

    /** Where its output is kept (a log file, a container image). */
    String describe();

    /** The last {@code lines} lines of its output (Go programs log a lot; only the end tells why a test failed). */
    String tail(int lines);

    @Override
    void close();
}
