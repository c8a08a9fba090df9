package io.jenkins.plugins.zenlayer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Checks the plugin's views against its classes and translations, so that a renamed property or a forgotten help or
 * Chinese text shows up as a failing test rather than as a broken form.
 *
 * <p>Every {@code field="x"} in a view under {@code src/main/resources/<package>/<Class>/} must be a property of
 * {@code <package>.<Class>} that a form can both show and set: a {@code getX()} or {@code isX()} method, and a
 * {@code @DataBoundConstructor} parameter {@code x} or a {@code @DataBoundSetter} {@code setX}. It needs
 * {@code help-x.html} and {@code help-x_zh_CN.html} next to the view. No field is exempt. Every {@code doFillXItems}
 * and {@code doCheckX} of the class or of its descriptor, or inherited from a class of the plugin, must be about a field {@code x} of its views. Every {@code ${%key}} of a view must be defined in
 * the view's {@code .properties} and its {@code _zh_CN} twin, and every properties file must have the same keys as
 * its twin.
 */
class PluginResourcesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern FIELD = Pattern.compile("\\bfield=\"([^\"$]+)\"");
    private static final Pattern FORM_METHOD = Pattern.compile("doFill(\\w+)Items|doCheck(\\w+)");
    private static final Pattern LOCALIZED = Pattern.compile("\\$\\{%([A-Za-z0-9_]+)");

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Path twin(Path properties) {
        String name = properties.getFileName().toString();
        return properties.resolveSibling(name.replace(".properties", "_zh_CN.properties"));
    }

    @Test
    void everyFieldOfAViewIsAPropertyWithHelpInBothLanguages() throws Exception {
        List<Path> views = files(".jelly").stream()
                .filter(p -> p.getParent().getParent().startsWith(RESOURCES.resolve("io")))
                .toList();
        assertThat(views.size(), greaterThan(4));
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            String className = RESOURCES.relativize(view.getParent()).toString().replace('/', '.');
            Class<?> owner = Class.forName(className, false, getClass().getClassLoader());
            Matcher m = FIELD.matcher(Files.readString(view));
            while (m.find()) {
                String field = m.group(1);
                if (!hasGetter(owner, field)) {
                    problems.add(view + ": no getter for field " + field + " in " + className);
                }
                if (!isBound(owner, field)) {
                    problems.add(view + ": field " + field + " of " + className
                            + " is neither a @DataBoundConstructor parameter nor a @DataBoundSetter");
                }
                for (String help : List.of("help-" + field + ".html", "help-" + field + "_zh_CN.html")) {
                    if (!Files.isRegularFile(view.resolveSibling(help))) {
                        problems.add(view + ": missing " + help);
                    }
                }
            }
        }
        assertThat(problems, empty());
    }

    @Test
    void everyFillAndCheckMethodIsAboutAFieldOfTheViews() throws Exception {
        Map<Class<?>, Set<String>> fieldsByOwner = new HashMap<>();
        for (Path view : files(".jelly")) {
            if (!view.getParent().getParent().startsWith(RESOURCES.resolve("io"))) {
                continue;
            }
            String className = RESOURCES.relativize(view.getParent()).toString().replace('/', '.');
            Class<?> owner = Class.forName(className, false, getClass().getClassLoader());
            Matcher m = FIELD.matcher(Files.readString(view));
            Set<String> fields = fieldsByOwner.computeIfAbsent(owner, k -> new TreeSet<>());
            while (m.find()) {
                fields.add(m.group(1));
            }
        }
        assertThat(fieldsByOwner.size(), greaterThan(4));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Class<?>, Set<String>> entry : fieldsByOwner.entrySet()) {
            List<Class<?>> classes = new ArrayList<>(List.of(entry.getKey()));
            classes.addAll(List.of(entry.getKey().getDeclaredClasses()));
            for (Class<?> c : classes) {
                for (Method method : c.getMethods()) {
                    Matcher form = FORM_METHOD.matcher(method.getName());
                    if (!form.matches()) {
                        continue;
                    }
                    checked++;
                    String named = form.group(1) != null ? form.group(1) : form.group(2);
                    String field = named.substring(0, 1).toLowerCase(Locale.ROOT) + named.substring(1);
                    if (!entry.getValue().contains(field)) {
                        problems.add(c.getName() + "." + method.getName() + " names no field of the views of "
                                + entry.getKey().getName() + " " + entry.getValue());
                    }
                }
            }
        }
        assertThat(checked, greaterThan(10));
        assertThat(problems, empty());
    }

    /**
     * {@code req.bindJSON(bean, json)} sets a bean's properties through {@code java.beans}: a setter whose parameter
     * type differs from its getter's return type ({@code int} and {@code Integer}, say) is paired with no property,
     * and the submitted value is dropped without a word.
     */
    @Test
    void everyDataBoundSetterOfAViewIsTheWriteMethodOfABeanProperty() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path view : files(".jelly")) {
            if (!view.getParent().getParent().startsWith(RESOURCES.resolve("io"))) {
                continue;
            }
            String className = RESOURCES.relativize(view.getParent()).toString().replace('/', '.');
            Class<?> owner = Class.forName(className, false, getClass().getClassLoader());
            Set<Method> writeMethods = new HashSet<>();
            for (PropertyDescriptor property : Introspector.getBeanInfo(owner).getPropertyDescriptors()) {
                if (property.getWriteMethod() != null) {
                    writeMethods.add(property.getWriteMethod());
                }
            }
            for (Method method : owner.getMethods()) {
                if (method.isAnnotationPresent(DataBoundSetter.class)) {
                    checked++;
                    if (!writeMethods.contains(method)) {
                        problems.add(className + "." + method.getName()
                                + " is no bean property's write method: its getter returns another type");
                    }
                }
            }
        }
        assertThat(checked, greaterThan(10));
        assertThat(problems, empty());
    }

    /** A field is set by a form through its constructor parameter or a setter, as Stapler binds them. */
    private static boolean isBound(Class<?> owner, String field) {
        for (Constructor<?> constructor : owner.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    if (parameter.isNamePresent() && parameter.getName().equals(field)) {
                        return true;
                    }
                }
            }
        }
        String setter = "set" + field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
        for (Method method : owner.getMethods()) {
            if (method.getName().equals(setter)
                    && method.getParameterCount() == 1
                    && method.isAnnotationPresent(DataBoundSetter.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasGetter(Class<?> owner, String field) {
        String suffix = field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
        for (Method method : owner.getMethods()) {
            if (method.getParameterCount() == 0
                    && (method.getName().equals("get" + suffix)
                            || method.getName().equals("is" + suffix))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyLocalizedTextOfAViewIsDefinedInBothLanguages() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path view : files(".jelly")) {
            Matcher m = LOCALIZED.matcher(Files.readString(view));
            Set<String> keys = new TreeSet<>();
            while (m.find()) {
                keys.add(m.group(1));
            }
            if (keys.isEmpty()) {
                continue;
            }
            Path english = view.resolveSibling(view.getFileName().toString().replace(".jelly", ".properties"));
            for (Path file : List.of(english, twin(english))) {
                if (!Files.isRegularFile(file)) {
                    problems.add(view + ": missing " + file.getFileName());
                    continue;
                }
                Properties properties = load(file);
                for (String key : keys) {
                    if (properties.getProperty(key, "").isBlank()) {
                        problems.add(file + ": no text for " + key);
                    }
                }
            }
        }
        assertThat(problems, empty());
    }

    @Test
    void everyPropertiesFileHasAChineseTwinWithTheSameKeys() throws Exception {
        List<Path> english = files(".properties").stream()
                .filter(p -> !p.getFileName().toString().contains("_"))
                .toList();
        assertThat(english.size(), greaterThan(3));
        List<String> problems = new ArrayList<>();
        for (Path file : english) {
            Path chinese = twin(file);
            if (!Files.isRegularFile(chinese)) {
                problems.add("missing " + chinese);
                continue;
            }
            Set<String> en = new TreeSet<>(load(file).stringPropertyNames());
            Set<String> zh = new TreeSet<>(load(chinese).stringPropertyNames());
            if (!en.equals(zh)) {
                Set<String> onlyEnglish = new TreeSet<>(en);
                onlyEnglish.removeAll(zh);
                Set<String> onlyChinese = new TreeSet<>(zh);
                onlyChinese.removeAll(en);
                problems.add(file + ": only in English " + onlyEnglish + ", only in Chinese " + onlyChinese);
            }
        }
        assertThat(problems, empty());
    }

    @Test
    void everyHelpPageHasAChineseTwin() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path help : files(".html")) {
            String name = help.getFileName().toString();
            if (name.startsWith("help") && !name.contains("_zh_CN")) {
                Path chinese = help.resolveSibling(name.replace(".html", "_zh_CN.html"));
                if (!Files.isRegularFile(chinese)) {
                    problems.add("missing " + chinese);
                }
            }
        }
        assertThat(problems, empty());
    }
}
