package dev.chimney.cli;

import dev.chimney.host.TargetRegistry;
import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTargetProvider;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chimney list-targets}: every target found, with its capabilities and where it came from. */
@Command(name = "list-targets",
    description = "Lists the targets found on the class path and the adapter path.")
final class ListTargetsCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Mixin
  private AdapterPathOption adapterPath;

  @Override
  public void run() {
    List<TargetRegistry.Found> targets = TargetRegistry.discover(adapterPath.entries()).targets();
    PrintWriter out = spec.commandLine().getOut();
    if (targets.isEmpty()) {
      out.println("no targets found (searched the class path"
          + (adapterPath.entries().isEmpty() ? "" : " and " + adapterPath.entries()) + ")");
    }
    for (TargetRegistry.Found found : targets) {
      OffloadTargetProvider provider = found.provider();
      out.println(provider.name());
      out.println("  description:  " + provider.description());
      out.println("  capabilities: " + capabilities(provider));
      out.println("  found in:     " + found.source());
    }
    out.flush();
  }

  private static String capabilities(OffloadTargetProvider provider) {
    if (provider.capabilities().isEmpty()) {
      return "none (only the rules every target must obey apply)";
    }
    return provider.capabilities().stream().sorted().map(Capability::name).collect(Collectors.joining(", "));
  }
}
