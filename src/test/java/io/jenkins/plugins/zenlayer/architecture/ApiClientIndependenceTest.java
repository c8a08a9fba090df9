package io.jenkins.plugins.zenlayer.architecture;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API client talks to Zenlayer and nothing else: it must stay usable (and testable) without
 * Jenkins, so no file under the {@code api} package may refer to a Jenkins type, whether through an
 * import or a fully qualified name.
 */
class ApiClientIndependenceTest {

    private static final Path API_SOURCES = Path.of("src/main/java/io/jenkins/plugins/zenlayer/api");

    /** Packages of Jenkins core, Stapler, the Jenkins plugins, and this plugin's Jenkins-facing side. */
    static final Pattern JENKINS_REFERENCE = Pattern.compile(
            "(?<![\\w.])(hudson|jenkins|org\\.kohsuke|org\\.jenkinsci|org\\.jvnet\\.hudson|com\\.cloudbees"
                    + "|io\\.jenkins\\.(?!plugins\\.zenlayer\\.api\\b)[a-z_.]+)\\.[A-Za-z_]");

    @Test
    void apiPackageHasNoJenkinsReferences() throws IOException {
        List<Path> sources = javaFilesUnder(API_SOURCES);
        assertThat(
                "the API client sources were not found; run from the module directory", sources.size(), greaterThan(3));

        List<String> offenders = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String code = stripComment(lines.get(i));
                Matcher m = JENKINS_REFERENCE.matcher(code);
                if (m.find()) {
                    offenders.add(API_SOURCES.relativize(source) + ":" + (i + 1) + ": " + code.strip());
                }
            }
        }
        assertThat(offenders, empty());
    }

    @Test
    void patternRecognisesJenkinsReferencesAndAllowsTheApiPackage() {
        assertEquals(true, JENKINS_REFERENCE.matcher("import hudson.model.Run;").find());
        assertEquals(
                true, JENKINS_REFERENCE.matcher("import jenkins.model.Jenkins;").find());
        assertEquals(
                true,
                JENKINS_REFERENCE
                        .matcher("io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient.x()")
                        .find());
        assertEquals(
                true,
                JENKINS_REFERENCE
                        .matcher("import io.jenkins.plugins.zenlayer.steps.Foo;")
                        .find());
        assertEquals(
                true,
                JENKINS_REFERENCE
                        .matcher("org.kohsuke.stapler.DataBoundConstructor")
                        .find());
        assertEquals(
                false,
                JENKINS_REFERENCE
                        .matcher("import io.jenkins.plugins.zenlayer.api.ApiError;")
                        .find());
        assertEquals(
                false, JENKINS_REFERENCE.matcher("import okhttp3.OkHttpClient;").find());
        assertEquals(
                false, JENKINS_REFERENCE.matcher("String jenkinsName = \"x\";").find());
        assertEquals(
                false,
                JENKINS_REFERENCE
                        .matcher("package io.jenkins.plugins.zenlayer.api;")
                        .find());
        assertEquals(
                false,
                JENKINS_REFERENCE
                        .matcher("package io.jenkins.plugins.zenlayer.api.fake;")
                        .find());
    }

    private static List<Path> javaFilesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String stripComment(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*")) {
            return "";
        }
        int slashes = line.indexOf("//");
        return slashes >= 0 ? line.substring(0, slashes) : line;
    }
}
