package dev.rsx.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared embedded MariaDB when the test session ends, so no server process outlives the tests. */
public final class StopEmbeddedServerListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabases.stopEmbedded();
    }
}
