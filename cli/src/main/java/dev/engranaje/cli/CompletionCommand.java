package dev.engranaje.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rpa completion}: prints the bash/zsh completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for rpa (bash; zsh through bashcompinit).",
        "Install it with",
        "  source <(./rpa completion)          # this shell",
        "  ./rpa completion > ~/.local/share/bash-completion/completions/rpa   # every new shell"})
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("rpa", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
