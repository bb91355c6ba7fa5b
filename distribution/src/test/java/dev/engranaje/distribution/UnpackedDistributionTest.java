package dev.engranaje.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the built tar.gz as a user would and runs {@code bin/rpa} from it with only a Java runtime (a JRE
 * made with jlink: no compiler or other JDK tools) and the few POSIX tools the launcher uses on PATH (no
 * Maven), from a working directory outside the source tree.
 */
class UnpackedDistributionTest {
  private static final Path ARCHIVE = Path.of(System.getProperty("distribution.archive"));
  private static final Path ZIP = Path.of(System.getProperty("distribution.zip"));
  private static final String NAME = System.getProperty("distribution.name");
  /** What bin/rpa calls besides java; PATH holds only these, so nothing else (Maven, the repo's ./rpa) can be used. */
  private static final List<String> LAUNCHER_TOOLS = List.of("sh", "dirname", "sed", "head", "cut", "ls");
  /** What a JDK has and a JRE (e.g. Temurin's) leaves out. */
  private static final Set<String> DEVELOPMENT_MODULES = Set.of("jdk.compiler", "jdk.javadoc", "jdk.jshell", "jdk.jlink",
      "jdk.jdeps", "jdk.jartool", "jdk.jdi", "jdk.jpackage", "jdk.hotspot.agent", "jdk.jconsole", "jdk.jstatd",
      "jdk.editpad", "jdk.jcmd", "jdk.attach", "java.compiler");
  private static final Pattern READY = Pattern.compile("Engranaje engine ready at (http://\\S+)");

  @TempDir static Path scratch;
  static Path home;
  static Path pathDirectory;
  static Path workingDirectory;

  @BeforeAll
  static void unpack() throws Exception {
    Path install = Files.createDirectories(scratch.resolve("opt"));
    Process tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", install.toString())
        .redirectErrorStream(true).start();
    String tarOutput = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as("tar -xzf %s: %s", ARCHIVE, tarOutput).isZero();
    home = install.resolve(NAME);
    pathDirectory = Files.createDirectories(scratch.resolve("path"));
    Files.createSymbolicLink(pathDirectory.resolve("java"), runtimeWithoutDevelopmentTools().resolve("bin/java"));
    for (String tool : LAUNCHER_TOOLS) {
      Path found = Stream.of("/usr/bin", "/bin").map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new IllegalStateException("This machine has no " + tool + " in /usr/bin or /bin"));
      Files.createSymbolicLink(pathDirectory.resolve(tool), found);
    }
    workingDirectory = Files.createDirectories(scratch.resolve("work"));
  }

  /**
   * A Java runtime as a JRE ships it: the test's JDK cut down with jlink to every module but the
   * development tools (no compiler, no jshell, no jlink, no debugger), so a launcher or a library that
   * quietly needed a JDK fails here. A test JVM without jlink is itself such a runtime.
   */
  private static Path runtimeWithoutDevelopmentTools() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path jlink = javaHome.resolve("bin/jlink");
    if (!Files.isExecutable(jlink)) {
      return javaHome;
    }
    String modules = String.join(",", ModuleFinder.ofSystem().findAll().stream().map(m -> m.descriptor().name())
        .filter(name -> !isDevelopmentTool(name)).sorted().toList());
    Path runtime = scratch.resolve("jre");
    Process build = new ProcessBuilder(jlink.toString(), "--add-modules", modules, "--output", runtime.toString(),
        "--strip-debug", "--no-header-files", "--no-man-pages").redirectErrorStream(true).start();
    String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(build.waitFor()).as("jlink: %s", output).isZero();
    assertThat(runtime.resolve("bin/javac")).doesNotExist();
    return runtime;
  }

  private static boolean isDevelopmentTool(String module) {
    return DEVELOPMENT_MODULES.contains(module) || module.startsWith("jdk.incubator.") || module.startsWith("jdk.internal.");
  }

  @Test
  void archiveHoldsLauncherJarsTemplatesModelsSamplesAndLicence() throws IOException {
    assertThat(home.resolve("bin/rpa")).isRegularFile();
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/rpa"))).contains(PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.OTHERS_EXECUTE);
    assertThat(home.resolve("bin/rpa.cmd")).isRegularFile();
    assertThat(Files.readString(home.resolve("bin/rpa.cmd"))).contains("\r\n");
    assertThat(names(home.resolve("lib"))).anyMatch(name -> name.startsWith("engranaje-cli-"))
        .anyMatch(name -> name.startsWith("engranaje-engine-")).anyMatch(name -> name.startsWith("engranaje-workers-"))
        .anyMatch(name -> name.startsWith("camunda-client-java-")).anyMatch(name -> name.startsWith("picocli-"))
        .noneMatch(name -> name.endsWith("-tests.jar"));
    assertThat(names(home.resolve("element-templates"))).contains("mail-send.json", "web-run-script.json");
    assertThat(home.resolve("bpmn/processes/bank-reconciliation.bpmn")).isRegularFile();
    assertThat(home.resolve("bpmn/forms/bank-reconciliation-review.form")).isRegularFile();
    assertThat(home.resolve("bpmn/decisions/payment-approval.dmn")).isRegularFile();
    assertThat(home.resolve("examples/bank-reconciliation/statement-2026-11.camt053.xml")).isRegularFile();
    assertThat(Files.readString(home.resolve("LICENSE"))).contains("Apache License");
    assertThat(home.resolve("NOTICE")).isRegularFile();
    assertThat(home.resolve("README.md")).isRegularFile();
  }

  @Test
  void zipHoldsTheSameFilesAsTheTarball() throws IOException {
    Set<String> inZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).forEach(inZip::add);
    }
    Set<String> unpacked = new TreeSet<>();
    try (Stream<Path> files = Files.walk(home)) {
      files.filter(Files::isRegularFile).map(file -> NAME + "/" + home.relativize(file).toString().replace('\\', '/'))
          .forEach(unpacked::add);
    }
    assertThat(inZip).isEqualTo(unpacked);
  }

  @Test
  void versionRunsOnOnlyAJavaRuntime() throws Exception {
    Process rpa = rpa(Map.of(), "--version");
    String output = new String(rpa.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rpa.waitFor()).as(output).isZero();
    assertThat(output).startsWith("Engranaje " + System.getProperty("distribution.version") + " (Camunda 8 REST API");
  }

  @Test
  void launcherRefusesAJavaHomeWithoutJava() throws Exception {
    Path notAJdk = Files.createDirectories(scratch.resolve("not-a-jdk"));
    Process rpa = rpa(Map.of("JAVA_HOME", notAJdk.toString()), "--version");
    String output = new String(rpa.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rpa.waitFor()).isEqualTo(1);
    assertThat(output).contains("JAVA_HOME is set to '" + notAJdk + "', but it has no bin/java");
  }

  @Test
  void launcherRefusesAJavaOlderThan17() throws Exception {
    Path oldJdk = Files.createDirectories(scratch.resolve("jdk8/bin"));
    Path oldJava = oldJdk.resolve("java");
    Files.writeString(oldJava, "#!/bin/sh\necho 'openjdk version \"1.8.0_402\"' >&2\n");
    oldJava.toFile().setExecutable(true);
    Process rpa = rpa(Map.of("JAVA_HOME", oldJdk.getParent().toString()), "--version");
    String output = new String(rpa.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rpa.waitFor()).isEqualTo(1);
    assertThat(output).contains("Engranaje needs Java 17 or newer, but '" + oldJava + "' is Java 1.8.0_402");
  }

  @Test
  void launcherThroughASymlinkFindsItsInstallDirectory() throws Exception {
    Path link = scratch.resolve("linked-rpa");
    if (!Files.exists(link)) {
      Files.createSymbolicLink(link, home.resolve("bin/rpa"));
    }
    Process rpa = start(List.of(link.toString(), "--version"), Map.of());
    String output = new String(rpa.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rpa.waitFor()).as(output).isZero();
    assertThat(output).startsWith("Engranaje ");
  }

  @Test
  void engineStartsServesRestAndStopsOnSigterm() throws Exception {
    Process engine = rpa(Map.of(), "engine", "start", "--in-memory", "--port", "0");
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
          Matcher matcher = READY.matcher(line);
          if (matcher.find()) {
            ready.complete(matcher.group(1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        ready.completeExceptionally(new IllegalStateException("The engine ended before it was ready: " + lines));
      }
    }, "engine-output");
    reader.start();
    try {
      String address = ready.get(2, TimeUnit.MINUTES);
      HttpResponse<String> topology = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(address.replaceAll("/$", "") + "/v2/topology")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(topology.statusCode()).as(topology.body()).isEqualTo(200);
      assertThat(topology.body()).contains("brokers");
    } finally {
      engine.toHandle().destroy(); // SIGTERM, as Ctrl-C or a service manager sends; Process.destroy() would also close its output
      assertThat(engine.waitFor(1, TimeUnit.MINUTES)).as("the engine stops on SIGTERM").isTrue();
      reader.join();
    }
    assertThat(lines).as("exit %d", engine.exitValue()).anyMatch(line -> line.startsWith("Engranaje engine stopped"));
  }

  @Test
  void bankReconciliationDemoRunsFromTheUnpackedTree() throws Exception {
    Process demo = rpa(Map.of(), "demo", "bank-reconciliation");
    String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(demo.waitFor()).as(output).isZero();
    assertThat(output).contains("Bank reconciliation demo");
  }

  @Test
  void shippedModelsPassTheirScenariosFromTheInstallDirectory() throws Exception {
    Process test = start(List.of(home.resolve("bin/rpa").toString(), "test", home.resolve("bpmn").toString()), Map.of());
    String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(test.waitFor()).as(output).isZero();
    assertThat(output).containsPattern("file\\(s\\): \\d+ passed, 0 failed");
  }

  private static Process rpa(Map<String, String> extraEnvironment, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/rpa").toString());
    command.addAll(List.of(arguments));
    return start(command, extraEnvironment);
  }

  private static Process start(List<String> command, Map<String, String> extraEnvironment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", pathDirectory.toString());
    environment.put("HOME", workingDirectory.toString());
    environment.put("RPA_LOG_LEVEL", "WARN");
    environment.putAll(extraEnvironment);
    return builder.start();
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
