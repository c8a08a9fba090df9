package io.jenkins.plugins.zenlayer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Checks the files a jenkinsci plugin repository carries next to its sources: the GitHub workflows (continuous
 * delivery, security scan, dependency updates), the Renovate configuration, CODEOWNERS, the pull-request template,
 * the {@code Jenkinsfile} and the Maven settings continuous delivery needs. Every YAML and JSON file under
 * {@code .github} must parse, without duplicate keys.
 *
 * <p>It also ties the offline build to the real one: the versions pinned in {@code offline/**}{@code /pom.xml} must
 * agree with each other and with the root {@code pom.xml}, and must be the OkHttp, Jackson, JUnit and Hamcrest on the
 * test class path. In the real build that class path comes from the parent POM and {@code bom-2.555.x}, so an update
 * of either that changes one of them fails here until the offline pins follow (CONTRIBUTING.md).
 *
 * <p>The repository root is the parent of {@code src}: the working directory's own {@code src} in the real build, a
 * link to it from {@code offline/plugin} in the offline build.
 */
class RepositoryFilesTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path GITHUB = ROOT.resolve(".github");
    private static final Path WORKFLOWS = GITHUB.resolve("workflows");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A reusable workflow of the Jenkins infrastructure, at a major version tag. */
    private static final Pattern REUSABLE_WORKFLOW =
            Pattern.compile("jenkins-infra/[a-z-]+/\\.github/workflows/[a-z-]+\\.ya?ml@v\\d+");

    private static Path repositoryRoot() {
        try {
            Path root = Path.of("src").toRealPath().getParent();
            if (!Files.isRegularFile(root.resolve("Jenkinsfile")) || !Files.isDirectory(root.resolve(".mvn"))) {
                throw new IllegalStateException("not the repository root: " + root);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String xpath(Document document, String expression) throws Exception {
        return ((String) XPathFactory.newInstance().newXPath().evaluate(expression, document, XPathConstants.STRING))
                .trim();
    }

    /** A property of a POM. */
    private static String property(Document pom, String name) throws Exception {
        String value = xpath(pom, "/project/properties/" + name);
        assertThat("property " + name, value.isEmpty(), is(false));
        return value;
    }

    /** The version of a dependency of a POM, with a {@code ${property}} resolved. */
    private static String dependencyVersion(Document pom, String groupId, String artifactId) throws Exception {
        String version = xpath(
                pom,
                "/project/dependencies/dependency[groupId='" + groupId + "' and artifactId='" + artifactId
                        + "']/version");
        assertThat(groupId + ":" + artifactId, version.isEmpty(), is(false));
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
        return m.matches() ? property(pom, m.group(1)) : version;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void everyYamlAndJsonFileUnderGitHubParsesWithoutDuplicateKeys() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(GITHUB)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode root = file.toString().endsWith(".json") ? JSON.readTree(file.toFile()) : yaml(file);
                if (root == null || !root.isObject()) {
                    problems.add(file + ": not a mapping");
                }
            } catch (IOException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        assertThat(problems, empty());
        assertThat(files.size(), greaterThanOrEqualTo(5));
    }

    @Test
    void everyWorkflowCallsAJenkinsReusableWorkflowWithItsOwnPermissions() throws Exception {
        List<Path> workflows;
        try (Stream<Path> list = Files.list(WORKFLOWS)) {
            workflows = list.sorted().toList();
        }
        assertThat(workflows.size(), greaterThanOrEqualTo(4));
        List<String> problems = new ArrayList<>();
        for (Path workflow : workflows) {
            JsonNode root = yaml(workflow);
            for (String key : List.of("name", "on", "permissions", "jobs")) {
                if (!root.has(key)) {
                    problems.add(workflow.getFileName() + ": no " + key);
                }
            }
            root.path("jobs").properties().forEach(job -> {
                String uses = job.getValue().path("uses").asText();
                if (!REUSABLE_WORKFLOW.matcher(uses).matches()) {
                    problems.add(workflow.getFileName() + ": job " + job.getKey() + " uses '" + uses + "'");
                }
            });
        }
        assertThat(problems, empty());
    }

    @Test
    void continuousDeliveryUsesTheReusableMavenWorkflowAndTheChangelistVersion() throws Exception {
        JsonNode cd = yaml(WORKFLOWS.resolve("cd.yaml"));
        JsonNode job = cd.path("jobs").path("maven-cd");
        assertThat(
                job.path("uses").asText(),
                startsWith("jenkins-infra/github-reusable-workflows/.github/workflows/maven-cd.yml@"));
        assertThat(strings(cd.path("on").path("check_run").path("types")), hasItem("completed"));
        assertThat(
                cd.path("on")
                        .path("workflow_dispatch")
                        .path("inputs")
                        .path("validate_only")
                        .path("type")
                        .asText(),
                is("boolean"));
        assertThat(cd.path("permissions").path("contents").asText(), is("write"));
        assertThat(cd.path("permissions").path("checks").asText(), is("read"));
        assertThat(job.path("secrets").path("MAVEN_USERNAME").asText(), is("${{ secrets.MAVEN_USERNAME }}"));
        assertThat(job.path("secrets").path("MAVEN_TOKEN").asText(), is("${{ secrets.MAVEN_TOKEN }}"));

        // JEP-229 versions: <commit count>.v<commit hash>, computed by git-changelist-maven-extension.
        assertThat(
                Files.readAllLines(ROOT.resolve(".mvn/maven.config")),
                hasItems("-Pconsume-incrementals", "-Pmight-produce-incrementals", "-Dchangelist.format=%d.v%s"));
        Document extensions = xml(ROOT.resolve(".mvn/extensions.xml"));
        assertThat(xpath(extensions, "/extensions/extension/artifactId"), is("git-changelist-maven-extension"));
        Document pom = xml(ROOT.resolve("pom.xml"));
        assertThat(xpath(pom, "/project/version"), is("${changelist}"));
        assertThat(property(pom, "changelist"), is("999999-SNAPSHOT"));
    }

    @Test
    void securityScanRunsOnPushesAndPullRequests() throws Exception {
        JsonNode scan = yaml(WORKFLOWS.resolve("jenkins-security-scan.yml"));
        assertThat(
                scan.path("jobs").path("security-scan").path("uses").asText(),
                startsWith("jenkins-infra/jenkins-security-scan/.github/workflows/jenkins-security-scan.yaml@"));
        assertThat(strings(scan.path("on").path("push").path("branches")), hasItem("main"));
        assertThat(scan.path("on").has("pull_request"), is(true));
        assertThat(scan.path("permissions").path("security-events").asText(), is("write"));
    }

    @Test
    void renovateCoversTheOfflineBuildWithoutLettingItDrift() throws Exception {
        JsonNode renovate = JSON.readTree(GITHUB.resolve("renovate.json").toFile());
        assertThat(strings(renovate.path("extends")), hasItem("github>jenkinsci/renovate-config"));
        JsonNode rules = renovate.path("packageRules");

        List<String> offlinePoms;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("offline"))) {
            offlinePoms = walk.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(offlinePoms.size(), is(4));
        for (String pom : offlinePoms) {
            // Libraries pinned to the real build's versions: never updated on their own.
            for (String library : List.of(
                    "com.squareup.okhttp3:okhttp-jvm",
                    "com.fasterxml.jackson.core:jackson-databind",
                    "org.junit:junit-bom",
                    "org.hamcrest:hamcrest",
                    "org.yaml:snakeyaml",
                    "com.diffplug.spotless:spotless-maven-plugin",
                    "org.jvnet.localizer:localizer")) {
                assertThat(pom + " " + library, enabled(rules, pom, library), is(false));
            }
            // The offline build's own tools: updated.
            for (String tool : List.of(
                    "org.apache.maven.plugins:maven-surefire-plugin",
                    "org.codehaus.mojo:build-helper-maven-plugin",
                    "org.openjdk.jmh:jmh-core")) {
                assertThat(pom + " " + tool, enabled(rules, pom, tool), is(true));
            }
        }
        assertThat(enabled(rules, "pom.xml", "com.squareup.okhttp3:mockwebserver3"), is(false));
        assertThat(enabled(rules, "pom.xml", "io.jenkins.tools.bom:bom-2.555.x"), is(true));
        assertThat(enabled(rules, "pom.xml", "org.jenkins-ci.plugins:plugin"), is(true));

        // auto-merge-safe-deps and close-bom-if-passing recognise these updates by Renovate's own branch names.
        List<String> renamed = new ArrayList<>();
        for (JsonNode rule : rules) {
            for (String dependency : List.of("org.jenkins-ci.plugins:plugin", "io.jenkins.tools.bom:bom-2.555.x")) {
                if (matches(rule, "pom.xml", dependency) && (rule.has("groupName") || rule.has("branchName"))) {
                    renamed.add(dependency);
                }
            }
        }
        assertThat(renamed, empty());
    }

    /** Whether Renovate updates a dependency of a file: the last matching rule that sets {@code enabled} decides. */
    private static boolean enabled(JsonNode rules, String file, String dependency) {
        boolean enabled = true;
        for (JsonNode rule : rules) {
            if (rule.has("enabled") && matches(rule, file, dependency)) {
                enabled = rule.get("enabled").asBoolean();
            }
        }
        return enabled;
    }

    private static boolean matches(JsonNode rule, String file, String dependency) {
        return matchesAny(rule.get("matchFileNames"), file) && matchesAny(rule.get("matchPackageNames"), dependency);
    }

    private static boolean matchesAny(JsonNode globs, String value) {
        if (globs == null) {
            return true;
        }
        for (String glob : strings(globs)) {
            if (globToRegex(glob).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The glob syntax of Renovate's matchers: {@code **}{@code /} is any number of folders, {@code *} one name. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:[^/]+/)*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Test
    void globsMatchAsRenovateDoes() {
        assertThat(globToRegex("offline/**/pom.xml").matcher("offline/pom.xml").matches(), is(true));
        assertThat(
                globToRegex("offline/**/pom.xml")
                        .matcher("offline/plugin/pom.xml")
                        .matches(),
                is(true));
        assertThat(
                globToRegex("offline/**/pom.xml")
                        .matcher("offline/plugin/real-pom.xml")
                        .matches(),
                is(false));
        assertThat(globToRegex("pom.xml").matcher("offline/pom.xml").matches(), is(false));
        assertThat(
                globToRegex("org.codehaus.mojo:*")
                        .matcher("org.codehaus.mojo:build-helper")
                        .matches(),
                is(true));
        assertThat(
                globToRegex("org.codehaus.mojo:*")
                        .matcher("org.codehaus.mojox:a")
                        .matches(),
                is(false));
    }

    @Test
    void codeOwnersNameThePluginsMaintainerTeam() throws Exception {
        String artifactId = xpath(xml(ROOT.resolve("pom.xml")), "/project/artifactId");
        List<String> rules = Files.readAllLines(GITHUB.resolve("CODEOWNERS")).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(rules, is(List.of("* @jenkinsci/" + artifactId + "-plugin-developers")));
        assertThat(artifactId, is("zenlayer-cloud"));
    }

    @Test
    void pullRequestTemplateAsksForTestingAndBothBuilds() throws Exception {
        String template = Files.readString(GITHUB.resolve("pull_request_template.md"));
        for (String part : List.of("### Testing done", "### Submitter checklist", "mvn -B -f offline/pom.xml verify")) {
            assertThat(part, template.contains(part), is(true));
        }
    }

    @Test
    void jenkinsfileBuildsOnLinuxAndWindowsWithTheJavaVersionsThePluginSupports() throws Exception {
        String jenkinsfile = Files.readString(ROOT.resolve("Jenkinsfile"));
        assertThat(jenkinsfile, startsWith("/*"));
        for (String part : List.of("buildPlugin(", "forkCount: '1C'", "useContainerAgent: true")) {
            assertThat(part, jenkinsfile.contains(part), is(true));
        }
        Matcher m = Pattern.compile("\\[platform: '(\\w+)', jdk: (\\d+)]").matcher(jenkinsfile);
        List<String> platforms = new ArrayList<>();
        List<Integer> jdks = new ArrayList<>();
        while (m.find()) {
            platforms.add(m.group(1));
            jdks.add(Integer.valueOf(m.group(2)));
        }
        assertThat(platforms, is(List.of("linux", "windows")));
        assertThat(jdks, everyItem(greaterThanOrEqualTo(21)));
        assertThat("the oldest Java the plugin supports", jdks, hasItem(21));
    }

    @Test
    void offlinePomsAgreeWithEachOtherAndWithTheRootPom() throws Exception {
        Document root = xml(ROOT.resolve("pom.xml"));
        Document plugin = xml(ROOT.resolve("offline/plugin/pom.xml"));
        Document benchmarks = xml(ROOT.resolve("offline/benchmarks/pom.xml"));
        Document stubs = xml(ROOT.resolve("offline/jenkins-api-stubs/pom.xml"));

        String okhttp = property(root, "okhttp.version");
        assertThat(property(plugin, "okhttp.version"), is(okhttp));
        assertThat(property(benchmarks, "okhttp.version"), is(okhttp));
        assertThat(dependencyVersion(stubs, "com.squareup.okhttp3", "okhttp-jvm"), is(okhttp));

        String jackson = property(plugin, "jackson.version");
        assertThat(dependencyVersion(benchmarks, "com.fasterxml.jackson.core", "jackson-databind"), is(jackson));
        assertThat(
                dependencyVersion(plugin, "com.fasterxml.jackson.dataformat", "jackson-dataformat-yaml"), is(jackson));

        assertThat(
                dependencyVersion(stubs, "org.junit.jupiter", "junit-jupiter-api"),
                is(property(plugin, "junit.version")));
        for (String[] library : List.of(
                new String[] {"org.jvnet.localizer", "localizer"},
                new String[] {"net.java.sezpoz", "sezpoz"},
                new String[] {"com.github.spotbugs", "spotbugs-annotations"})) {
            assertThat(
                    library[1],
                    dependencyVersion(stubs, library[0], library[1]),
                    is(dependencyVersion(plugin, library[0], library[1])));
        }
    }

    @Test
    void offlinePinsAreTheVersionsOnTheClassPath() throws Exception {
        Document plugin = xml(ROOT.resolve("offline/plugin/pom.xml"));
        assertThat("OkHttp", OkHttp.VERSION, is(property(plugin, "okhttp.version")));
        assertThat("Jackson", PackageVersion.VERSION.toString(), is(property(plugin, "jackson.version")));
        assertThat("JUnit", implementationVersion(Test.class), is(property(plugin, "junit.version")));
        assertThat(
                "Hamcrest",
                implementationVersion(org.hamcrest.Matcher.class),
                is(property(plugin, "hamcrest.version")));
    }

    private static String implementationVersion(Class<?> type) {
        Package p = type.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        assertThat("Implementation-Version of the jar of " + type.getName(), version == null, is(false));
        return version;
    }
}
