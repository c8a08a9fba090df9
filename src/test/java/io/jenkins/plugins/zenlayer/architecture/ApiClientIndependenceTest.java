package io.jenkins.plugins.zenlayer.architecture;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * The same rule on what ships: every class, type, method and field the compiled {@code api} classes refer to, as
     * listed in their constant pools. A reference the source scan cannot see (a name built by a macro of the build, a
     * type only inferred) still shows here.
     */
    @Test
    void compiledApiClassesReferToNoJenkinsType() throws Exception {
        Path classes = Path.of(ZenlayerClient.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("io/jenkins/plugins/zenlayer/api");
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles =
                    walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        assertThat(classFiles.size(), greaterThan(10));

        List<String> offenders = new ArrayList<>();
        Set<String> allNames = new TreeSet<>();
        for (Path classFile : classFiles) {
            for (String name : constantPoolTexts(Files.readAllBytes(classFile))) {
                allNames.add(name);
                if (COMPILED_JENKINS_REFERENCE.matcher(name).find()) {
                    offenders.add(classes.relativize(classFile) + ": " + name);
                }
            }
        }
        // The scan reads real constant pools: the client's own dependencies are there.
        assertThat(allNames, hasItem("okhttp3/OkHttpClient"));
        assertThat(offenders, empty());
    }

    /** Internal names (with slashes) of Jenkins' packages, in class names and in type descriptors. */
    private static final Pattern COMPILED_JENKINS_REFERENCE =
            Pattern.compile("(?<![\\w$/-])L?(hudson|jenkins|org/kohsuke|org/jenkinsci|org/jvnet/hudson|com/cloudbees"
                    + "|io/jenkins/(?!plugins/zenlayer/api/)[a-z_/]+)/[A-Za-z_]");

    /** The UTF-8 entries of a class file's constant pool: class names, descriptors, member names and strings. */
    private static List<String> constantPoolTexts(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // longs and doubles take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
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
