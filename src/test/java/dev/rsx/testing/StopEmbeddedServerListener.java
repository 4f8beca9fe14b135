package dev.rsx.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared test servers when the test session ends, so no server process or container outlives the tests. */
public final class StopEmbeddedServerListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabases.stopServers();
    }
}
