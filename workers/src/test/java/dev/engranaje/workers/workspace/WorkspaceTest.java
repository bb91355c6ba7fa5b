package dev.engranaje.workers.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.workers.api.TechnicalFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path root;

  private Workspace workspace() {
    return Workspace.forInstance(root.resolve("work"), 42, Map.of("inbox", root.resolve("inbox")));
  }

  @Test
  void shouldResolveReferencesInsideTheInstanceDirectoryAndAreas() throws Exception {
    Workspace workspace = workspace();

    Path statement = workspace.resolveForWriting("statements/nov.csv");
    Path inbound = workspace.resolve("inbox:bank/today.xml");

    assertThat(statement).isEqualTo(root.resolve("work/42/statements/nov.csv").toAbsolutePath());
    assertThat(statement.getParent()).isDirectory();
    assertThat(inbound).isEqualTo(root.resolve("inbox/bank/today.xml").toAbsolutePath());
    assertThat(workspace.reference(statement)).isEqualTo("statements/nov.csv");
    assertThat(workspace.reference(inbound)).isEqualTo("inbox:bank/today.xml");
  }

  @Test
  void shouldRefuseReferencesThatLeaveTheirDirectory() {
    Workspace workspace = workspace();

    for (String escape : new String[] {"../43/secret.csv", "a/../../x", "/etc/passwd", "inbox:../work/42/x", ""}) {
      assertThatThrownBy(() -> workspace.resolve(escape)).as(escape).isInstanceOf(TechnicalFailure.class)
          .satisfies(e -> assertThat(((TechnicalFailure) e).isRetryable()).isFalse());
    }
    assertThatThrownBy(() -> workspace.resolve("../43/secret.csv"))
        .hasMessage("Expected a file reference inside the workspace, but '../43/secret.csv' points outside it; use a"
            + " path relative to the instance workspace or to a configured area (e.g. inbox:file.csv)");
    assertThatThrownBy(() -> workspace.resolve("outbox:report.xlsx"))
        .hasMessage("Expected a configured file area, but 'outbox' is not one; configured areas: [inbox]");
  }

  @Test
  void shouldRefuseALinkInsideTheWorkspaceThatPointsOutsideIt() throws Exception {
    Workspace workspace = workspace();
    Path outside = Files.createDirectories(root.resolve("elsewhere"));
    Files.writeString(outside.resolve("ledger.db"), "not yours");
    Files.createSymbolicLink(workspace.directory().resolve("shortcut"), outside);

    assertThatThrownBy(() -> workspace.resolve("shortcut/ledger.db")).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("'shortcut/ledger.db' points outside it");
  }
}
